#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/database_url.h"

namespace Poco::Data {
class Session;
}

namespace cqpm::testing {

/// The storage backends every storage and API test runs against.
std::vector<std::string> storageBackends();  // {"sqlite", "postgresql"}

struct SeededSnapshot;

/// A fresh database for one test: a SQLite file in a temporary folder, or a
/// new schema on the throwaway PostgreSQL cluster that ctest starts
/// (CQPM_TEST_POSTGRES_URL). Empty, or a copy of a seeded snapshot. Removed
/// when destroyed.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  /// A copy of `snapshot`: its data folder, and on PostgreSQL a new database
  /// made from its template database (a file-level copy, no SQL replayed).
  TestDatabase(const std::string& backend, const SeededSnapshot& snapshot);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// False when the backend is unavailable here (the caller skips); when
  /// CQPM_REQUIRE_POSTGRES=1 an unavailable PostgreSQL is a failure instead.
  bool available() const { return available_; }
  const std::string& unavailableReason() const { return reason_; }

  /// The `--database` value for the server ("" for SQLite in dataDir()).
  const std::string& url() const { return url_; }
  const std::string& dataDir() const { return data_dir_; }
  store::DatabaseUrl databaseUrl() const { return store::DatabaseUrl::parse(url_, data_dir_); }

 private:
  std::string backend_;
  bool available_ = true;
  std::string reason_;
  std::string url_;
  std::string data_dir_;
  std::string schema_;
  std::string database_;  ///< PostgreSQL copies of a snapshot: the database dropped at the end
  /// The connection that creates the schema or database and drops it at the end: one backend
  /// started per test instead of two (a backend costs ~30 ms of CPU here, forked and torn down).
  std::unique_ptr<Poco::Data::Session> admin_;
  void runAsAdmin(const std::string& sql);
};

/// The PostgreSQL test cluster: empty when the PostgreSQL cases are skipped.
std::string postgresTestUrl();
/// `url` pointed at another database of the same cluster.
std::string withDatabase(const std::string& url, const std::string& database);
/// Runs one statement outside any transaction (CREATE/DROP DATABASE) on the test cluster.
void runOnTestCluster(const std::string& sql);

/// A new temporary directory, removed by the caller.
std::string makeTempDir(const std::string& prefix);

/// Skips (or fails, see TestDatabase::available) the current test when `db` is unavailable.
#define CQPM_REQUIRE_BACKEND(db)                                                  \
  do {                                                                            \
    if (!(db).available()) {                                                      \
      if (::cqpm::testing::backendRequired()) FAIL() << (db).unavailableReason(); \
      GTEST_SKIP() << (db).unavailableReason();                                   \
    }                                                                             \
  } while (0)

bool backendRequired();

}  // namespace cqpm::testing
