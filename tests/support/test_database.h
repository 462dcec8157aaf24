#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/database_url.h"

namespace cqpm::testing {

/// The storage backends every storage and API test runs against.
std::vector<std::string> storageBackends();  // {"sqlite", "postgresql"}

/// A fresh, empty database for one test: a SQLite file in a temporary folder,
/// or a new schema on the throwaway PostgreSQL cluster that ctest starts
/// (CQPM_TEST_POSTGRES_URL). Removed when destroyed.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
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
};

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
