// Services answer typed records; JSON is shaped only in http's presenters
// (issue 13: "one presentation convention"). Read from the sources, so a
// service method that starts returning Poco JSON fails here, not in a review.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace cqpm::testing {
namespace {

// "<module>/<header>: <method>" that may return JSON, and why.
const std::map<std::string, std::string> kAllowed = {
    {"referentials/referential_service.h: referentialAt",
     "the stored referential document itself (the API serves it whole; Lua receives it)"},
    {"referentials/referential_service.h: parseReferential", "private: reads a stored document"},
    {"files/modality_plan_service.h: normalise",
     "private: the client's plan made canonical before it is stored (entry details belong to each plugin)"},
};

TEST(ServicesReturnRecordsTest, NoServiceMethodReturnsPocoJson) {
  const std::filesystem::path core = std::filesystem::path(CQPM_SOURCE_ROOT) / "core";
  ASSERT_TRUE(std::filesystem::is_directory(core)) << core;
  // A member declaration whose return type is a JSON object or array.
  const std::regex returns_json(R"(^\s+(?:static\s+)?(?:Poco::JSON::)?(?:Object|Array)::Ptr\s+(\w+)\()");
  std::vector<std::string> offenders;
  int read = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !name.ends_with("_service.h")) continue;
    const std::string module = entry.path().parent_path().filename().string();
    if (module == "http") continue;
    ++read;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch match;
      if (!std::regex_search(line, match, returns_json)) continue;
      const std::string key = module + "/" + name + ": " + match[1].str();
      if (!kAllowed.count(key)) offenders.push_back(key);
    }
  }
  EXPECT_GT(read, 15);
  EXPECT_TRUE(offenders.empty()) << "services answer records; shape JSON in core/http/*_presenters: "
                                 << ::testing::PrintToString(offenders);
}

}  // namespace
}  // namespace cqpm::testing
