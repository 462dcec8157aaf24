#pragma once

#include <string>

namespace cqpm::store {

enum class Dialect { kSqlite, kPostgres };

/// Where the data lives, parsed from `--database`. Accepted forms:
/// empty (SQLite file `<data>/cqpm.db`), `sqlite:PATH`, and
/// `postgresql://user[:password]@host[:port]/dbname[?key=value&...]`
/// (also `postgres://`). Throws Error{kInvalidConfiguration} naming the part at fault.
struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string connection;  ///< SQLite: the file path; PostgreSQL: a libpq conninfo string

  static DatabaseUrl parse(const std::string& url, const std::string& data_dir);
  /// The URL with any password masked, for logs.
  std::string describe() const;
};

}  // namespace cqpm::store
