// API tests start from a copy of one seeded demo (support/seeded_snapshot.h)
// instead of seeding it again: the copies must be the demo, and independent.

#include "support/seeded_snapshot.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "http/api_fixture.h"

namespace cqpm::testing {
namespace {

/// Points CQPM_TEST_SNAPSHOT_DIR at a folder of its own for one test, then
/// puts the run's value back.
class SnapshotFolder {
 public:
  SnapshotFolder() : path_(makeTempDir("cqpm-snapshots")) {
    if (const char* previous = std::getenv("CQPM_TEST_SNAPSHOT_DIR")) previous_ = previous;
    ::setenv("CQPM_TEST_SNAPSHOT_DIR", path_.c_str(), 1);
  }
  ~SnapshotFolder() {
    if (previous_.empty()) {
      ::unsetenv("CQPM_TEST_SNAPSHOT_DIR");
    } else {
      ::setenv("CQPM_TEST_SNAPSHOT_DIR", previous_.c_str(), 1);
    }
    std::filesystem::remove_all(path_);
  }
  SnapshotFolder(const SnapshotFolder&) = delete;
  SnapshotFolder& operator=(const SnapshotFolder&) = delete;

 private:
  std::string path_;
  std::string previous_;
};

TEST(SeededSnapshotTest, IsSeededOnceAndThenHandedOutAsItIs) {
  SnapshotFolder folder;
  int seedings = 0;
  const DemoSeeder seed = [&](const std::string& data_dir, const std::string& url) {
    ++seedings;
    EXPECT_EQ(url, "");  // SQLite: the database lives in the data folder
    std::ofstream(data_dir + "/seeded.txt") << "demo";
  };
  const auto first = demoSnapshot("sqlite", seed);
  const auto second = demoSnapshot("sqlite", seed);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(seedings, 1);
  EXPECT_EQ(first->data_dir, second->data_dir);
  EXPECT_TRUE(std::filesystem::exists(second->data_dir + "/seeded.txt"));
  EXPECT_EQ(first->template_database, "");
}

TEST(SeededSnapshotTest, AFailedSeedingIsMadeAgainFromNothing) {
  SnapshotFolder folder;
  EXPECT_THROW(demoSnapshot("sqlite",
                            [](const std::string& data_dir, const std::string&) {
                              std::ofstream(data_dir + "/half-made.txt") << "x";
                              throw std::runtime_error("seeding failed");
                            }),
               std::runtime_error);
  const auto again = demoSnapshot("sqlite", [](const std::string& data_dir, const std::string&) {
    std::ofstream(data_dir + "/seeded.txt") << "demo";
  });
  ASSERT_TRUE(again);
  EXPECT_FALSE(std::filesystem::exists(again->data_dir + "/half-made.txt"));
  EXPECT_TRUE(std::filesystem::exists(again->data_dir + "/seeded.txt"));
}

TEST(SeededSnapshotTest, WithoutAFolderEachTestSeedsItsOwn) {
  SnapshotFolder folder;
  ::unsetenv("CQPM_TEST_SNAPSHOT_DIR");
  int seedings = 0;
  EXPECT_FALSE(demoSnapshot("sqlite", [&](const std::string&, const std::string&) { ++seedings; }));
  EXPECT_EQ(seedings, 0);
}

using SeededCopiesTest = ApiTest;

// Two servers started from the same snapshot hold the same demo, and what one
// writes the other never sees.
TEST_P(SeededCopiesTest, TwoCopiesHoldTheDemoAndNeverShareAWrite) {
  TestServer other(GetParam());
  ASSERT_TRUE(other.available());
  const std::string here = client().login("centre");
  const std::string there = other.client().login("centre");
  const auto listed = [](const HttpClient& on, const std::string& token) {
    return on.get("/api/v1/files?limit=100", token).json()->getArray("items")->size();
  };
  const std::size_t demo_files = listed(client(), here);
  EXPECT_GT(demo_files, 0u);
  EXPECT_EQ(listed(other.client(), there), demo_files);

  createFile(here, "Seulement-Ici");
  EXPECT_EQ(listed(client(), here), demo_files + 1);
  EXPECT_EQ(listed(other.client(), there), demo_files);
}

INSTANTIATE_TEST_SUITE_P(Backends, SeededCopiesTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
