#include <Poco/JSON/Array.h>
#include <Poco/RegularExpression.h>
#include <gtest/gtest.h>

#include <regex>

#include "plugin_test_support.h"

// Each plugin's referential against its official document in tests/plugins/seeds/:
// the counts and codes the seeds' README gives, and every competency text
// found verbatim in the document (whitespace and conversion markup aside),
// unless it carries a correction the plugin's README declares.

namespace cqpm::plugins {
namespace {

using namespace test_support;
using Poco::JSON::Array;
using Poco::JSON::Object;

// tests/plugins/seeds/: a copy of the official referentials (public texts), so the repository stands alone.
const std::string kSeeds = kSourceRoot + "/tests/plugins/seeds/";

// Removes what the PDF conversion added: HTML tags, Markdown emphasis,
// superscript markup (2^{ème}), and all whitespace.
std::string squeeze(const std::string& text) {
  static const std::regex kTags("<[^>]+>");
  std::string out = std::regex_replace(text, kTags, " ");
  std::string result;
  for (char c : out) {
    if (c == '*' || c == '^' || c == '{' || c == '}' || std::isspace(static_cast<unsigned char>(c))) continue;
    result += c;
  }
  return result;
}

struct SeedEntry {
  std::string file;
  std::vector<std::string> codes;  // codes printed in the source
  int blocs = 0;
  int competencies = 0;
};

// The table of tests/plugins/seeds/README.md: | file | CQPM | blocs (codes as printed) | competencies |.
std::map<std::string, SeedEntry> seedTable() {
  std::map<std::string, SeedEntry> table;
  std::istringstream lines(readFile(kSeeds + "README.md"));
  std::string line;
  static const std::regex kRow(R"(^\| (cqpm-[a-z-]+\.txt) \|[^|]*\| ([^|]*) \| (\d+) \(([^)]*)\) \|)");
  static const std::regex kCode("BDC[0-9]{4}");
  while (std::getline(lines, line)) {
    std::smatch match;
    if (!std::regex_search(line, match, kRow)) continue;
    SeedEntry entry;
    entry.file = match[1];
    const std::string codes = match[2];
    for (auto it = std::sregex_iterator(codes.begin(), codes.end(), kCode); it != std::sregex_iterator();
         ++it) {
      entry.codes.push_back(it->str());
    }
    entry.competencies = std::stoi(match[3]);
    const std::string split = match[4];  // "2 per bloc" or "3, 3, 2"
    if (split.find("per bloc") != std::string::npos) {
      entry.blocs = entry.competencies / std::stoi(split);
    } else {
      entry.blocs = static_cast<int>(std::count(split.begin(), split.end(), ',')) + 1;
    }
    table[entry.file] = entry;
  }
  return table;
}

// The "corrected" cells of the plugin README's correction table.
std::vector<std::string> declaredCorrections(const std::string& id) {
  std::vector<std::string> corrected;
  std::istringstream lines(readFile(kSourceRoot + "/plugins/" + id + "/README.md"));
  std::string line;
  bool in_table = false;
  while (std::getline(lines, line)) {
    if (line.rfind("| place | printed | corrected |", 0) == 0) {
      in_table = true;
      continue;
    }
    if (in_table && line.rfind('|', 0) != 0) in_table = false;
    if (!in_table || line.rfind("|---", 0) == 0) continue;
    const auto last = line.rfind(" | ");
    std::string cell = line.substr(last + 3);
    // Keep what stands between the first quotes: `...` or « ... ».
    for (const auto& [open, close] :
         std::vector<std::pair<std::string, std::string>>{{"`", "`"}, {"«", "»"}}) {
      const auto start = cell.find(open);
      const auto end = start == std::string::npos ? std::string::npos : cell.find(close, start + open.size());
      if (end != std::string::npos) {
        cell = cell.substr(start + open.size(), end - start - open.size());
        break;
      }
    }
    std::string fragment;
    for (std::size_t i = 0; i < cell.size(); ++i) {
      if (cell.compare(i, 3, "…") == 0) {
        i += 2;
        continue;
      }
      fragment += cell[i];
    }
    corrected.push_back(squeeze(fragment));
  }
  return corrected;
}

class ReferentialSeedTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferentialSeedTest, CountsAndCodesMatchTheSeed) {
  const Plugin plugin = loadReal(GetParam());
  const std::string document = plugin.referential->getObject("source")->getValue<std::string>("document");
  const auto table = seedTable();
  ASSERT_TRUE(table.count(document)) << document << " is not in tests/plugins/seeds/README.md";
  const SeedEntry& seed = table.at(document);
  EXPECT_EQ(plugin.bloc_count, seed.blocs);
  EXPECT_EQ(plugin.competency_count, seed.competencies);
  std::vector<std::string> codes;
  int missing = 0;
  const auto blocs = plugin.referential->getArray("blocs");
  for (std::size_t i = 0; i < blocs->size(); ++i) {
    const auto bloc = blocs->getObject(static_cast<unsigned>(i));
    if (bloc->isNull("code")) {
      ++missing;
    } else {
      codes.push_back(bloc->getValue<std::string>("code"));
    }
  }
  EXPECT_EQ(codes, seed.codes) << "codes as printed, in order";
  EXPECT_EQ(missing, seed.blocs - static_cast<int>(seed.codes.size()))
      << "codes missing in the source stay null";
}

TEST_P(ReferentialSeedTest, EveryCompetencyTextIsInTheSeedOrADeclaredCorrection) {
  const Plugin plugin = loadReal(GetParam());
  const std::string document = plugin.referential->getObject("source")->getValue<std::string>("document");
  const std::string seed = squeeze(readFile(kSeeds + document));
  ASSERT_GT(seed.size(), 1000u) << "cannot read " << document;
  const auto corrections = declaredCorrections(GetParam());
  int checked = 0;
  auto check = [&](const std::string& text, const std::string& where) {
    ++checked;
    const std::string squeezed = squeeze(text);
    if (seed.find(squeezed) != std::string::npos) return;
    const bool corrected =
        std::any_of(corrections.begin(), corrections.end(), [&](const std::string& fragment) {
          return !fragment.empty() && squeezed.find(fragment) != std::string::npos;
        });
    EXPECT_TRUE(corrected) << where << " is neither in " << document
                           << " nor a declared correction: " << text;
  };
  const auto blocs = plugin.referential->getArray("blocs");
  for (std::size_t b = 0; b < blocs->size(); ++b) {
    const auto bloc = blocs->getObject(static_cast<unsigned>(b));
    check(bloc->getValue<std::string>("title"), "bloc " + std::to_string(b + 1) + " title");
    const auto competencies = bloc->getArray("competencies");
    for (std::size_t c = 0; c < competencies->size(); ++c) {
      const auto competency = competencies->getObject(static_cast<unsigned>(c));
      const std::string where = "competency " + competency->getValue<std::string>("number");
      check(competency->getValue<std::string>("title"), where + " title");
      auto all = [&](const Array::Ptr& items, const std::string& part) {
        for (std::size_t i = 0; i < items->size(); ++i)
          check(items->getElement<std::string>(static_cast<unsigned>(i)), where + " " + part);
      };
      all(competency->getArray("conditions"), "conditions");
      all(competency->getArray("expected_results"), "expected results");
      const auto criteria = competency->getObject("criteria");
      for (const char* group : {"methods", "means", "relations", "environment"})
        all(criteria->getArray(group), group);
    }
  }
  EXPECT_GT(checked, 50);
}

INSTANTIATE_TEST_SUITE_P(Plugins, ReferentialSeedTest, ::testing::ValuesIn(kPluginIds), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

TEST(ReferentialSeedTest, TheFiveCqpmsHaveTheBlocsAndCompetenciesOfTheIssue) {
  const std::map<std::string, std::pair<int, int>> expected{{"industrialisation", {4, 8}},
                                                            {"maintenance-industrielle", {3, 6}},
                                                            {"fabrication-additive", {2, 6}},
                                                            {"maintenance-productive", {3, 8}},
                                                            {"qualite", {3, 6}}};
  for (const auto& [id, counts] : expected) {
    const Plugin plugin = loadReal(id);
    EXPECT_EQ(plugin.bloc_count, counts.first) << id;
    EXPECT_EQ(plugin.competency_count, counts.second) << id;
  }
}

}  // namespace
}  // namespace cqpm::plugins
