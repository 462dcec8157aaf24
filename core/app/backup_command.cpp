#include "app/backup_command.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "app/data_folder.h"
#include "common/error.h"
#include "store/database_url.h"

namespace cqpm::app {

namespace fs = std::filesystem;

namespace {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;

SqlitePtr openSqlite(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqlitePtr db(raw);
  if (rc != SQLITE_OK) {
    throw Error(ErrorCode::kStorage,
                "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

/// Copies `from` into a new database file `to` page by page with SQLite's
/// online backup: a consistent snapshot even while the server writes.
void backupSqlite(const std::string& from, const std::string& to) {
  const SqlitePtr source = openSqlite(from, SQLITE_OPEN_READONLY);
  const SqlitePtr target = openSqlite(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
  if (!backup)
    throw Error(ErrorCode::kStorage, std::string("cannot start the backup: ") + sqlite3_errmsg(target.get()));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw Error(ErrorCode::kStorage, std::string("backup failed: ") + sqlite3_errstr(rc));
  sqlite3_stmt* check = nullptr;
  sqlite3_prepare_v2(target.get(), "PRAGMA integrity_check", -1, &check, nullptr);
  const bool intact = check && sqlite3_step(check) == SQLITE_ROW &&
                      std::string(reinterpret_cast<const char*>(sqlite3_column_text(check, 0))) == "ok";
  sqlite3_finalize(check);
  if (!intact) throw Error(ErrorCode::kStorage, "the copy of the database fails its integrity check");
}

/// Copies every file of `from` into `to`, keeping the tree; returns how many.
std::size_t copyTree(const fs::path& from, const fs::path& to) {
  std::size_t copied = 0;
  if (!fs::exists(from)) return 0;
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    const fs::path relative = fs::relative(entry.path(), from);
    if (relative.begin()->string() == "tmp") continue;  // uploads in progress
    if (entry.is_directory()) {
      fs::create_directories(to / relative);
    } else if (entry.is_regular_file()) {
      fs::create_directories((to / relative).parent_path());
      fs::copy_file(entry.path(), to / relative, fs::copy_options::overwrite_existing);
      ++copied;
    }
  }
  return copied;
}

bool emptyOrMissing(const fs::path& folder) { return !fs::exists(folder) || fs::is_empty(folder); }

int backup(const std::string& target_dir, const BackupOptions& options, std::ostream& out,
           std::ostream& err) {
  const fs::path target(target_dir);
  if (!emptyOrMissing(target)) {
    err << "cqpm backup: " << target_dir << " is not empty: give a new folder\n";
    return kBackupRefused;
  }
  fs::create_directories(target);
  const auto url = store::DatabaseUrl::parse(options.database_url, options.data_dir);
  if (url.dialect == store::Dialect::kSqlite) {
    backupSqlite(url.connection, (target / "cqpm.db").string());
    out << "database: " << (target / "cqpm.db").string() << " (online backup, integrity ok)\n";
  } else {
    out << "database: PostgreSQL; dump it with the operator's tools, for example\n"
        << "  pg_dump -Fc -f " << (target / "cqpm.pgdump").string() << " \"$CQPM_DATABASE_URL\"\n";
  }
  const std::size_t documents = copyTree(fs::path(options.data_dir) / "documents", target / "documents");
  out << "documents: " << documents << " file(s) copied\n"
      << "referentials: held by the database; referentials.git is rebuilt from it at start\n";
  return kBackupDone;
}

int restore(const std::string& source_dir, const BackupOptions& options, std::ostream& out,
            std::ostream& err) {
  const fs::path source(source_dir);
  const auto url = store::DatabaseUrl::parse(options.database_url, options.data_dir);
  const bool sqlite = url.dialect == store::Dialect::kSqlite;
  if (sqlite && !fs::exists(source / "cqpm.db")) {
    err << "cqpm restore: " << source_dir << " holds no cqpm.db: not a backup of cqpm backup\n";
    return kBackupRefused;
  }
  const DataFolder folder(options.data_dir);  // no server may run on it meanwhile
  if (sqlite && fs::exists(url.connection) && fs::file_size(url.connection) > 0) {
    err << "cqpm restore: " << url.connection << " exists: move it away first (nothing was changed)\n";
    return kBackupRefused;
  }
  if (sqlite) {
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(url.connection + suffix);
    backupSqlite((source / "cqpm.db").string(), url.connection);
    out << "database: restored into " << url.connection << "\n";
  } else {
    out << "database: PostgreSQL; restore the dump with the operator's tools, for example\n"
        << "  pg_restore --clean --if-exists -d \"$CQPM_DATABASE_URL\" " << (source / "cqpm.pgdump").string()
        << "\n";
  }
  const std::size_t documents = copyTree(source / "documents", fs::path(options.data_dir) / "documents");
  // The repository follows the restored database: rebuilt at the next start.
  fs::remove_all(fs::path(options.data_dir) / "referentials.git");
  out << "documents: " << documents << " file(s) restored\n"
      << "referentials: rebuilt from the database at the next start\n";
  return kBackupDone;
}

}  // namespace

int runBackupCommand(const std::vector<std::string>& args, const BackupOptions& options, std::ostream& out,
                     std::ostream& err) {
  if (args.size() != 2 || (args[0] != "backup" && args[0] != "restore")) {
    err << "usage: cqpm backup DIR | cqpm restore DIR  [--data DIR] [--database URL] [--config FILE]\n";
    return kBackupUsage;
  }
  try {
    return args[0] == "backup" ? backup(args[1], options, out, err) : restore(args[1], options, out, err);
  } catch (const Error& e) {
    err << "cqpm " << args[0] << ": " << e.what() << "\n";
    return kBackupRefused;
  } catch (const fs::filesystem_error& e) {
    err << "cqpm " << args[0] << ": " << e.what() << "\n";
    return kBackupRefused;
  }
}

}  // namespace cqpm::app
