#pragma once

#include <string>
#include <unordered_map>

#include "store/prepared_statements.h"

struct sqlite3;
struct sqlite3_stmt;

namespace cqpm::store {

/// PreparedStatements on one SQLite connection (which it does not own: Poco's
/// session does). Must be destroyed before the connection is closed, since it
/// finalizes its statements then.
class SqliteStatements final : public PreparedStatements {
 public:
  explicit SqliteStatements(sqlite3* db) : db_(db) {}
  ~SqliteStatements() override;
  SqliteStatements(const SqliteStatements&) = delete;
  SqliteStatements& operator=(const SqliteStatements&) = delete;

  std::size_t run(const std::string& sql, std::span<const SqlValue> params, RowVisitor visit,
                  void* context) override;

 private:
  /// The cached statement for `sql`, prepared now if it is new; null when it
  /// is in use further up this thread's stack (a query run from inside the
  /// rows of the same query), whose caller then prepares a statement of its own.
  sqlite3_stmt* cached(const std::string& sql);
  sqlite3_stmt* prepare(const std::string& sql) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace cqpm::store
