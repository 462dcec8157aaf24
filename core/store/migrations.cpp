#include "store/migrations.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "common/clock.h"
#include "store/database.h"
#include "store/migration_data_steps.h"

namespace cqpm::store {

using Poco::Data::Keywords::into;

std::vector<std::string> splitSqlStatements(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  std::istringstream lines(script);
  std::string line;
  while (std::getline(lines, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line + "\n";
    const auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
  return statements;
}

bool hasAppliedMigrations(Database& db) {
  try {
    return db.read([](SqlSession& sql) {
      Poco::Int64 count = 0;
      auto stmt = sql.statement("SELECT COUNT(*) FROM schema_migrations");
      stmt, into(count);
      stmt.execute();
      return count > 0;
    });
  } catch (const Error&) {
    return false;  // no such table yet
  }
}

std::vector<int> applyMigrations(Database& db, const std::vector<Migration>& migrations, const Clock& clock) {
  bool has_table = true;
  try {
    db.read([](SqlSession& sql) { sql.statement("SELECT COUNT(*) FROM schema_migrations").execute(); });
  } catch (const Error&) {
    has_table = false;
  }
  // Created only when missing: "IF NOT EXISTS" on an existing table makes
  // PostgreSQL send a notice that libpq prints raw on stderr at every start.
  if (!has_table) {
    db.write([](SqlSession& sql) {
      sql.statement(
             "CREATE TABLE IF NOT EXISTS schema_migrations (number BIGINT PRIMARY KEY, name TEXT NOT NULL, "
             "applied_at TEXT NOT NULL)")
          .execute();
    });
  }
  std::vector<Poco::Int64> applied_numbers = db.read([](SqlSession& sql) {
    std::vector<Poco::Int64> numbers;
    auto stmt = sql.statement("SELECT number FROM schema_migrations ORDER BY number");
    stmt, into(numbers);
    stmt.execute();
    return numbers;
  });
  const std::set<Poco::Int64> applied(applied_numbers.begin(), applied_numbers.end());
  const int known_max = migrations.empty() ? 0 : migrations.back().number;
  if (!applied.empty() && *applied.rbegin() > known_max) {
    throw Error(ErrorCode::kStorage, "the database schema is at migration " +
                                         std::to_string(*applied.rbegin()) + ", newer than this binary (" +
                                         std::to_string(known_max) + "): upgrade the binary");
  }
  std::vector<int> done;
  for (const Migration& migration : migrations) {
    if (applied.count(migration.number)) continue;
    db.write([&](SqlSession& sql) {
      const std::string& dialect_sql =
          db.dialect() == Dialect::kPostgres ? migration.postgres_sql : migration.sqlite_sql;
      for (const std::string& statement : splitSqlStatements(migration.sql + "\n" + dialect_sql)) {
        try {
          sql.statement(statement).execute();
        } catch (const Poco::Exception& e) {
          throw Error(ErrorCode::kStorage,
                      "migration " + migration.name + " failed: " + e.displayText() + "\n" + statement);
        }
      }
      if (const MigrationDataStep step = migrationDataStep(migration.number)) step(sql);
      Poco::Int64 number = migration.number;
      std::string name = migration.name;
      std::string at = nowIso8601(clock);
      auto record = sql.query("INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)");
      record.bind(number).bind(name).bind(at);
      record.execute();
    });
    done.push_back(migration.number);
  }
  return done;
}

}  // namespace cqpm::store
