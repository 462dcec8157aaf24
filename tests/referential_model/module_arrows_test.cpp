// Keeps the typed referential model the only reader of referential JSON, and
// keeps plugins and referentials apart (docs/architecture.md): reads the
// sources of core/ and names every line that breaks a rule.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kCore = fs::path(CQPM_SOURCE_ROOT) / "core";

struct SourceLine {
  std::string file;  // relative to core/: "juries/outcome_proposal.cpp"
  int number = 0;
  std::string text;
};

std::vector<SourceLine> sourceLines(const std::string& module = "") {
  std::vector<SourceLine> lines;
  for (const auto& entry : fs::recursive_directory_iterator(kCore / module)) {
    const auto extension = entry.path().extension();
    if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".h")) continue;
    std::ifstream in(entry.path());
    std::string text;
    for (int number = 1; std::getline(in, text); ++number)
      lines.push_back({fs::relative(entry.path(), kCore).generic_string(), number, text});
  }
  return lines;
}

std::string moduleOf(const std::string& file) { return file.substr(0, file.find('/')); }

std::string where(const SourceLine& line) {
  return "core/" + line.file + ":" + std::to_string(line.number) + ": " + line.text + "\n";
}

const std::regex kInclude(R"re(^\s*#\s*include\s+"([a-z_]+)/)re");

std::string includesOf(const std::string& module, const std::set<std::string>& forbidden) {
  std::string found;
  for (const auto& line : sourceLines(module)) {
    std::smatch match;
    if (std::regex_search(line.text, match, kInclude) && forbidden.count(match[1])) found += where(line);
  }
  return found;
}

TEST(ModuleArrowsTest, PluginsIncludeNothingOfReferentials) {
  EXPECT_EQ(includesOf("plugins", {"referentials"}), "");
}

TEST(ModuleArrowsTest, ReferentialsIncludeNothingOfPlugins) {
  EXPECT_EQ(includesOf("referentials", {"plugins"}), "");
}

TEST(ModuleArrowsTest, CommentsReachNoReferentialItemsThroughOpinion) {
  EXPECT_EQ(includesOf("comments", {"opinion"}), "");
}

TEST(ModuleArrowsTest, TheReferentialModelDependsOnlyOnCommon) {
  std::string found;
  for (const auto& line : sourceLines("referential_model")) {
    std::smatch match;
    if (std::regex_search(line.text, match, kInclude) && match[1] != "common" &&
        match[1] != "referential_model")
      found += where(line);
  }
  EXPECT_EQ(found, "");
}

// A member of the referential document read as JSON: `x->getArray("blocs")`,
// `bloc->getObject("criteria")`, `arrayOf(referential, "competencies")`. The
// same names in a request body, a transition payload or a plugin's answer are
// read through the receivers listed here, which are not referentials.
const std::string kMembers = "(blocs|competencies|activities|criteria|identity|modalities)";
const std::regex kMemberRead(
    R"((\w+)\s*(->|\.)\s*(getArray|getObject|get|has|isNull|optValue|getValue<[^>]*>)\(\s*")" + kMembers +
    "\"");
const std::regex kHelperRead(R"(\b(arrayOf|objectList|objectMember|textList|member)\(\s*(\w+)\s*,\s*")" +
                             kMembers + "\"");
const std::set<std::string> kNotReferentials{"payload", "proposal", "proposed", "current", "editor"};

TEST(ModuleArrowsTest, NobodyWalksReferentialJsonOutsideItsModules) {
  std::string found;
  for (const auto& line : sourceLines()) {
    const std::string module = moduleOf(line.file);
    if (module == "referential_model" || module == "referentials") continue;
    std::smatch match;
    const bool walks =
        (std::regex_search(line.text, match, kMemberRead) && !kNotReferentials.count(match[1])) ||
        (std::regex_search(line.text, match, kHelperRead) && !kNotReferentials.count(match[2]));
    if (walks) found += where(line);
  }
  EXPECT_EQ(found, "") << "read the typed model (referential_model/referential.h) instead";
}

TEST(ModuleArrowsTest, TheWalkCheckSeesARawWalk) {
  // The check itself: the reads this model replaced are caught.
  for (const std::string text : {R"(  const auto blocs = referential->getArray("blocs");)",
                                 R"(    item.criteria = competency->getObject("criteria");)",
                                 R"(  const auto blocs = arrayOf(referential, "blocs");)",
                                 R"(  const auto blocs = plugin.referential->getArray("blocs");)"}) {
    std::smatch match;
    EXPECT_TRUE(std::regex_search(text, match, kMemberRead) || std::regex_search(text, match, kHelperRead))
        << text;
  }
}

}  // namespace
