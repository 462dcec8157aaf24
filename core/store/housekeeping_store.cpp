#include "store/housekeeping_store.h"

namespace cqpm::store::housekeeping_store {

std::int64_t purgeSessions(SqlSession& sql, const std::string& now, const std::string& revoked_before) {
  std::string expired = now, revoked = revoked_before;
  auto stmt =
      sql.query("DELETE FROM sessions WHERE expires_at < ? OR (revoked_at IS NOT NULL AND revoked_at < ?)");
  stmt.bind(expired).bind(revoked);
  return static_cast<std::int64_t>(stmt.execute());
}

std::int64_t purgeIdempotencyKeys(SqlSession& sql, const std::string& before) {
  std::string limit = before;
  auto stmt = sql.query("DELETE FROM idempotency_keys WHERE created_at < ?");
  stmt.bind(limit);
  return static_cast<std::int64_t>(stmt.execute());
}

}  // namespace cqpm::store::housekeeping_store
