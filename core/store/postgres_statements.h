#pragma once

#include <string>
#include <unordered_map>

#include "store/prepared_statements.h"

struct pg_conn;

namespace cqpm::store {

/// PreparedStatements on one PostgreSQL connection (which it does not own:
/// Poco's session does): each SQL text is prepared on the server once, under
/// a name of ours, then executed in one round trip. Prepared statements live
/// as long as their server session, whatever transactions do.
class PostgresStatements final : public PreparedStatements {
 public:
  /// Turns PostgreSQL's JIT off on `connection` (Error{kStorage} if it cannot).
  explicit PostgresStatements(pg_conn* connection);

  std::size_t run(const std::string& sql, std::span<const SqlValue> params, RowVisitor visit,
                  void* context) override;

  /// Runs `script`, statements without parameters separated by semicolons,
  /// in one round trip (the simple query protocol: nothing is prepared);
  /// fails as run() does, at the first statement that fails.
  void runScript(const std::string& script);
  /// Whether the connection's transaction failed (a statement failed in it):
  /// PostgreSQL then answers COMMIT with a ROLLBACK, and no error.
  bool inFailedTransaction() const;
  /// `text` as a string literal of this connection's SQL (PQescapeLiteral).
  std::string literal(const std::string& text);

  /// Whether this object still describes `connection`'s server session: a
  /// connection closed and another opened at the same address is a new
  /// session (another server process) without our statements.
  bool describes(pg_conn* connection) const;

 private:
  const std::string& nameFor(const std::string& sql);

  pg_conn* connection_;
  int server_process_;
  std::unordered_map<std::string, std::string> names_;
  std::size_t next_name_ = 0;
};

}  // namespace cqpm::store
