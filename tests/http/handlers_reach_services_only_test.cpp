// Handlers call services; only services reach the database (issue 13: "no `db`
// in ApiContext"). Read from the sources, so a new handler that borrows a SQL
// session fails here rather than in a review.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cqpm::testing {
namespace {

TEST(HandlersReachServicesOnlyTest, NothingUnderHttpOpensADatabaseSession) {
  const std::filesystem::path http = std::filesystem::path(CQPM_SOURCE_ROOT) / "core" / "http";
  ASSERT_TRUE(std::filesystem::is_directory(http)) << http;
  std::vector<std::string> offenders;
  int read = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(http)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    ++read;
    for (const char* forbidden : {"store::Database", "SqlSession", "store/database.h"}) {
      if (text.str().find(forbidden) != std::string::npos)
        offenders.push_back(entry.path().filename().string() + " uses " + forbidden);
    }
  }
  EXPECT_GT(read, 40);
  EXPECT_TRUE(offenders.empty()) << ::testing::PrintToString(offenders);
}

}  // namespace
}  // namespace cqpm::testing
