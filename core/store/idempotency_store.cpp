#include "store/idempotency_store.h"

#include "common/clock.h"
#include "store/row_reader.h"

namespace cqpm::store::idempotency_store {

std::optional<StoredResponse> find(SqlSession& sql, const std::string& user_id, const std::string& key,
                                   const std::string& request_hash, const std::string& now) {
  std::string user = user_id, idem = key, hash = request_hash, at = now;
  // Claim the key first. On PostgreSQL a second instance handling the same key
  // at the same time waits here for the first one's transaction: it then finds
  // the first answer and replays it, instead of failing on the primary key.
  // (status 0: claimed by this transaction, answer not written yet.)
  auto claim = sql.query(
      "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, response_body, "
      "created_at) "
      "VALUES (?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING");
  claim.bind(user).bind(idem).bind(hash).bind(at);
  if (claim.execute() == 1) return std::nullopt;
  auto stmt = sql.query(
      "SELECT request_hash, status, response_body FROM idempotency_keys WHERE user_id = ? AND "
      "idempotency_key = ?");
  stmt.bind(user).bind(idem);
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
  if (found && found->status == 0) return std::nullopt;  // claimed, never answered: save() completes it
  return found;
}

void save(SqlSession& sql, const std::string& user_id, const std::string& key,
          const std::string& request_hash, const StoredResponse& response) {
  std::string user = user_id, idem = key, hash = request_hash, body = response.body;
  Poco::Int64 status = response.status;
  auto stmt = sql.query(
      "UPDATE idempotency_keys SET request_hash = ?, status = ?, response_body = ? WHERE user_id = ? AND "
      "idempotency_key = ?");
  stmt.bind(hash).bind(status).bind(body).bind(user).bind(idem);
  if (stmt.execute() != 1)
    throw Error(ErrorCode::kInternal, "an Idempotency-Key was saved without being claimed");
}

}  // namespace cqpm::store::idempotency_store
