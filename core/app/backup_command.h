#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cqpm::app {

/// Where `cqpm backup` and `cqpm restore` find the data.
struct BackupOptions {
  std::string data_dir = "var";
  std::string database_url;  ///< empty: SQLite in data_dir
};

/// Exit codes of `cqpm backup` and `cqpm restore`.
inline constexpr int kBackupDone = 0;
inline constexpr int kBackupRefused = 1;  ///< nothing written (target not empty, server running...)
inline constexpr int kBackupUsage = 2;

/// `cqpm backup DIR`: a consistent copy of the data folder into the new or
/// empty folder DIR, safe while the server runs. SQLite: the online backup API
/// (sqlite3_backup), checked with `PRAGMA integrity_check`; PostgreSQL: the
/// pg_dump command to run is printed (the database is the operator's tool's
/// job). The documents are copied (content-addressed: a copy is never torn).
/// The referential repository is not: the database holds every referential
/// object, and the server rebuilds `referentials.git` from it.
///
/// `cqpm restore DIR`: puts such a backup back into the data folder, which no
/// server may hold (its lock is taken for the time of the restore) and which
/// must not hold a database already (move it away first). The repository is
/// left to be rebuilt at the next start.
int runBackupCommand(const std::vector<std::string>& args, const BackupOptions& options, std::ostream& out,
                     std::ostream& err);

}  // namespace cqpm::app
