#pragma once

#include <string>
#include <vector>

#include "common/clock.h"

namespace cqpm::store {

class Database;

/// One numbered schema change. Numbers only grow; a released migration is never edited.
struct Migration {
  int number;
  std::string name;
  std::string sql;  ///< one or more statements separated by ';' at line ends
  /// Statements run after `sql` on that dialect only (FTS5 tables, extensions);
  /// empty when the migration is portable.
  std::string sqlite_sql;
  std::string postgres_sql;
};

/// The migrations compiled into the binary (core/store/migrations/*.sql), in order.
const std::vector<Migration>& embeddedMigrations();

/// Applies, in order and each in its own transaction, every migration whose
/// number is not yet in `schema_migrations`, and records it. Returns the
/// numbers applied. Refuses (Error{kStorage}) a database whose recorded
/// schema is newer than this binary knows.
std::vector<int> applyMigrations(Database& db, const std::vector<Migration>& migrations, const Clock& clock);

/// True when the database has recorded at least one migration (false for a
/// new, empty or truncated database).
bool hasAppliedMigrations(Database& db);

/// Splits a migration script into statements (on ';' ending a line, outside comments).
std::vector<std::string> splitSqlStatements(const std::string& script);

}  // namespace cqpm::store
