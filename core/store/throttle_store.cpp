#include "store/throttle_store.h"

#include "store/row_reader.h"

namespace cqpm::store::throttle_store {

std::optional<ThrottleCount> find(SqlSession& sql, const std::string& scope, const std::string& subject) {
  std::string scope_key = scope, subject_key = subject;
  auto stmt = sql.query(
      "SELECT failures, window_start, last_failure_at FROM throttle_failures WHERE scope = ? AND subject = "
      "?");
  stmt.bind(scope_key).bind(subject_key);
  std::optional<ThrottleCount> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found = ThrottleCount{row.integer("failures"), row.text("window_start"), row.text("last_failure_at")};
  });
  return found;
}

void recordFailure(SqlSession& sql, const std::string& scope, const std::string& subject,
                   const std::string& now, const std::string& restart_before) {
  std::string scope_key = scope, subject_key = subject, at = now, restart = restart_before,
              restart_again = restart_before;
  // In the DO UPDATE clause, throttle_failures.* is the row as it was, on
  // SQLite as on PostgreSQL, so both CASEs see the old window_start.
  auto stmt = sql.query(
      "INSERT INTO throttle_failures (scope, subject, failures, window_start, last_failure_at) "
      "VALUES (?, ?, 1, ?, ?) ON CONFLICT (scope, subject) DO UPDATE SET "
      "failures = CASE WHEN throttle_failures.window_start <= ? THEN 1 "
      "ELSE throttle_failures.failures + 1 END, "
      "window_start = CASE WHEN throttle_failures.window_start <= ? THEN excluded.window_start "
      "ELSE throttle_failures.window_start END, "
      "last_failure_at = excluded.last_failure_at");
  stmt.bind(scope_key).bind(subject_key).bind(at).bind(at).bind(restart).bind(restart_again);
  stmt.execute();
}

void clear(SqlSession& sql, const std::string& scope, const std::string& subject) {
  std::string scope_key = scope, subject_key = subject;
  auto stmt = sql.query("DELETE FROM throttle_failures WHERE scope = ? AND subject = ?");
  stmt.bind(scope_key).bind(subject_key);
  stmt.execute();
}

std::int64_t purge(SqlSession& sql, const std::string& before) {
  std::string limit = before;
  auto stmt = sql.query("DELETE FROM throttle_failures WHERE last_failure_at < ?");
  stmt.bind(limit);
  return static_cast<std::int64_t>(stmt.execute());
}

}  // namespace cqpm::store::throttle_store
