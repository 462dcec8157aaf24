#include "store/idempotency_store.h"

#include "common/clock.h"
#include "store/row_reader.h"

namespace cqpm::store::idempotency_store {

using Poco::Data::Keywords::use;

std::optional<StoredResponse> find(SqlSession& sql, const std::string& user_id, const std::string& key,
                                   const std::string& request_hash) {
  std::string user = user_id, idem = key;
  auto stmt = sql.statement(
      "SELECT request_hash, status, response_body FROM idempotency_keys WHERE user_id = ? AND "
      "idempotency_key = ?");
  stmt, use(user), use(idem);
  std::optional<StoredResponse> found;
  std::string stored_hash;
  forEachRow(stmt, [&](const RowReader& row) {
    stored_hash = row.text("request_hash");
    found = StoredResponse{static_cast<int>(row.integer("status")), row.text("response_body")};
  });
  if (found && stored_hash != request_hash) {
    throw Error(ErrorCode::kConflict, "this Idempotency-Key was already used for a different request",
                "Idempotency-Key");
  }
  return found;
}

void save(SqlSession& sql, const std::string& user_id, const std::string& key,
          const std::string& request_hash, const StoredResponse& response) {
  std::string user = user_id, idem = key, hash = request_hash, body = response.body, at = nowIso8601();
  Poco::Int64 status = response.status;
  auto stmt = sql.statement(
      "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, response_body, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  stmt, use(user), use(idem), use(hash), use(status), use(body), use(at);
  stmt.execute();
}

}  // namespace cqpm::store::idempotency_store
