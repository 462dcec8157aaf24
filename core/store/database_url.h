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
  /// PostgreSQL: the URL's password, decoded (any character), and the libpq
  /// password file `<data>/.pgpass` that `connection` names instead of it:
  /// Poco's connector splits the conninfo on spaces, so a password never goes
  /// there. Database::open writes the file (mode 0600) before connecting.
  std::string password;
  std::string passfile;

  static DatabaseUrl parse(const std::string& url, const std::string& data_dir);
  /// The URL with any password masked, for logs.
  std::string describe() const;
};

}  // namespace cqpm::store
