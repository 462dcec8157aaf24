#pragma once

#include <functional>
#include <optional>
#include <string>

namespace cqpm::testing {

/// A database already holding the demo, made once per ctest run and backend
/// and copied for each test that wants the demo: seeding replays hundreds of
/// writes through the services (most of an API test's time on PostgreSQL),
/// copying is a file copy.
struct SeededSnapshot {
  std::string data_dir;  ///< the seeded data folder (referential repository, documents, SQLite file)
  std::string
      template_database;  ///< PostgreSQL: the database CREATE DATABASE ... TEMPLATE copies; else empty
};

/// Writes the demo into an empty data folder and database (url: "" for
/// SQLite in the folder), leaving no session open when it returns.
using DemoSeeder = std::function<void(const std::string& data_dir, const std::string& url)>;

/// The demo snapshot of `backend`, built by `seed` the first time any process
/// of the run asks for it (under a file lock, so ctest's parallel processes
/// share one). Empty when there is nowhere to keep it: ctest names the folder
/// in CQPM_TEST_SNAPSHOT_DIR and clears it at the start of each run; a test
/// binary run alone seeds each test afresh, as before. A snapshot is made
/// for one Paris day, so tests that compare demo dates with "today" hold
/// across midnight.
std::optional<SeededSnapshot> demoSnapshot(const std::string& backend, const DemoSeeder& seed);

/// Copies every entry of `from` into the existing folder `to`.
void copyFolderContents(const std::string& from, const std::string& to);

}  // namespace cqpm::testing
