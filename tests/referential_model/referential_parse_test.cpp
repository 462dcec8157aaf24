#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "common/error.h"
#include "referential_model/referential.h"
#include "referential_model/referential_rules.h"

namespace cqpm::referential_model {
namespace {

using Poco::JSON::Object;

Object::Ptr parseObject(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

Object::Ptr seedDocument(const std::string& id) {
  std::ifstream in(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + id + "/referential.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parseObject(text.str());
}

// The smallest document the model reads: one bloc of two competencies.
const char* kSmall = R"({
  "id": "small", "title": "Petit CQPM",
  "activities": [{"title": "Préparer", "description": ["a"]}],
  "blocs": [
    {"code": "BDC0001", "title": "Bloc un", "knowledge": [],
     "competencies": [
       {"number": 1, "title": "Un", "conditions": ["c"], "expected_results": ["r"],
        "criteria": {"methods": ["m1", "m2"], "means": [], "relations": ["l"], "environment": []}}]},
    {"code": null, "title": "Bloc deux", "knowledge": ["k"],
     "competencies": [
       {"number": 2, "title": "Deux", "conditions": ["c"], "expected_results": ["r"],
        "criteria": {"methods": [], "means": ["x"], "relations": [], "environment": ["e"]}}]}],
  "modalities": [{"id": "real_situation", "label": "RÉEL.", "description": ["d"]},
                 {"id": "reconstituted_situation", "label": "RECONSTITUÉ.", "description": ["d"],
                  "exceptional": true}]
})";

struct Seed {
  const char* id;
  std::size_t activities;
  std::size_t blocs;
  std::size_t competencies;
};

class ReferentialSeedParseTest : public ::testing::TestWithParam<Seed> {};

TEST_P(ReferentialSeedParseTest, ReadsEverySeedAndPassesItsRules) {
  const Seed seed = GetParam();
  const Referential referential = parseReferential(seedDocument(seed.id));
  EXPECT_EQ(referential.id, seed.id);
  EXPECT_FALSE(referential.title.empty());
  EXPECT_EQ(referential.identity.title, referential.title);
  EXPECT_FALSE(referential.identity.cqpm_number);  // the seeds carry no identity
  EXPECT_EQ(referential.activities.size(), seed.activities);
  EXPECT_EQ(referential.blocs.size(), seed.blocs);
  EXPECT_EQ(referential.competencyCount(), seed.competencies);
  EXPECT_FALSE(referential.modalities.empty());
  for (const auto* competency : referential.allCompetencies()) {
    EXPECT_FALSE(competency->title.empty()) << competency->number;
    EXPECT_FALSE(competency->conditions.empty()) << competency->number;
  }
  ReferentialCounts counts;
  EXPECT_FALSE(checkReferentialRules(referential, seed.id, counts));
  EXPECT_EQ(counts.blocs, static_cast<int>(seed.blocs));
  EXPECT_EQ(counts.competencies, static_cast<int>(seed.competencies));
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReferentialSeedParseTest,
                         ::testing::Values(Seed{"fabrication-additive", 2, 2, 6},
                                           Seed{"industrialisation", 4, 4, 8},
                                           Seed{"maintenance-industrielle", 3, 3, 6},
                                           Seed{"maintenance-productive", 3, 3, 8}, Seed{"qualite", 3, 3, 6}),
                         [](const auto& info) {
                           std::string name = info.param.id;
                           for (auto& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

TEST(ReferentialParseTest, ReadsBlocsCompetenciesCriteriaAndModalities) {
  const Referential referential = parseReferential(parseObject(kSmall));
  ASSERT_EQ(referential.blocs.size(), 2u);
  EXPECT_EQ(referential.blocs[0].code, std::optional<std::string>("BDC0001"));
  EXPECT_FALSE(referential.blocs[1].code);
  EXPECT_EQ(referential.blocs[1].knowledge, std::vector<std::string>{"k"});
  const Competency& first = referential.blocs[0].competencies[0];
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(first.key(), "1");
  EXPECT_EQ(first.criteria.methods, (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(*first.criteria.group("relations"), std::vector<std::string>{"l"});
  EXPECT_EQ(first.criteria.group("unknown"), nullptr);
  ASSERT_EQ(referential.activities.size(), 1u);
  EXPECT_EQ(referential.activities[0].title, "Préparer");
  ASSERT_EQ(referential.modalities.size(), 2u);
  EXPECT_FALSE(referential.modalities[0].exceptional);
  EXPECT_TRUE(referential.modalities[1].exceptional);
}

TEST(ReferentialParseTest, LooksUpCompetenciesBlocsAndModalities) {
  const Referential referential = parseReferential(parseObject(kSmall));
  ASSERT_NE(referential.findCompetency(2), nullptr);
  EXPECT_EQ(referential.findCompetency(2)->title, "Deux");
  EXPECT_EQ(referential.findCompetency(3), nullptr);
  EXPECT_EQ(referential.findCompetency("2"), referential.findCompetency(2));
  EXPECT_EQ(referential.findCompetency("02"), nullptr);
  EXPECT_EQ(referential.findCompetency(""), nullptr);
  EXPECT_EQ(referential.blocOf(1), 1u);
  EXPECT_EQ(referential.blocOf(2), 2u);
  EXPECT_EQ(referential.blocOf(9), 0u);
  ASSERT_EQ(referential.allCompetencies().size(), 2u);
  EXPECT_EQ(referential.allCompetencies()[1]->number, 2);
  EXPECT_EQ(referential.blocLabel(1), "BDC0001");
  EXPECT_EQ(referential.blocLabel(2), "bloc 2");
  ASSERT_NE(referential.findModality("reconstituted_situation"), nullptr);
  EXPECT_EQ(referential.findModality("company_opinion"), nullptr);
}

TEST(ReferentialParseTest, ReadsTheRecordedIdentity) {
  auto document = parseObject(kSmall);
  document->set("identity", parseObject(R"({"cqpm_number": "MQ 2015 06 69 0334",
      "rncp": {"number": "RNCP37854", "level": 4, "registration_start": "2023-01-01",
               "registration_end": null, "registered": true}})"));
  const Referential referential = parseReferential(document);
  EXPECT_EQ(referential.identity.cqpm_number, std::optional<std::string>("MQ 2015 06 69 0334"));
  EXPECT_EQ(referential.identity.rncp.level, std::optional<int>(4));
  EXPECT_EQ(referential.identity.rncp.registered, std::optional<bool>(true));
  EXPECT_FALSE(referential.identity.rncp.registration_end);
  EXPECT_TRUE(blocsAwardable(referential.identity, "2024-05-02"));
  EXPECT_FALSE(blocsAwardable(referential.identity, "2022-12-31"));
  EXPECT_EQ(printedName(referential.identity), "Petit CQPM (CQPM n° MQ 2015 06 69 0334)");
}

struct BadInput {
  const char* name;
  const char* pointer;  // what to replace in kSmall
  const char* replacement;
  const char* field;
};

class ReferentialBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(ReferentialBadInputTest, NamesThePathOfTheWrongMember) {
  std::string text = kSmall;
  const auto at = text.find(GetParam().pointer);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string(GetParam().pointer).size(), GetParam().replacement);
  try {
    parseReferential(parseObject(text));
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidField);
    EXPECT_EQ(e.field(), GetParam().field);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Paths, ReferentialBadInputTest,
    ::testing::Values(BadInput{"NumberNotInteger", R"("number": 2,)", R"("number": "2",)",
                               "blocs[1].competencies[0].number"},
                      BadInput{"NumberMissing", R"("number": 1, )", "", "blocs[0].competencies[0].number"},
                      BadInput{"CriterionNotText", R"("means": ["x"])", R"("means": [3])",
                               "blocs[1].competencies[0].criteria.means[0]"},
                      BadInput{"BlocsNotList", R"("blocs": [)", R"("blocs": 1, "x": [)", "blocs"},
                      BadInput{"BlocCodeNotText", R"("code": null)", R"("code": 7)", "blocs[1].code"},
                      BadInput{"TitleMissing", R"("title": "Petit CQPM",)", "", "title"},
                      BadInput{"ActivityNotObject", R"([{"title": "Préparer", "description": ["a"]}])", "[1]",
                               "activities[0]"},
                      BadInput{"ExceptionalNotBool", R"("exceptional": true)", R"("exceptional": "yes")",
                               "modalities[1].exceptional"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ReferentialParseTest, RefusesANullDocument) { EXPECT_THROW(parseReferential(nullptr), Error); }

TEST(ReferentialRulesTest, NamesTheCompetencyNumberedOutOfOrder) {
  std::string text = kSmall;
  text.replace(text.find(R"("number": 2,)"), 12, R"("number": 3,)");
  ReferentialCounts counts;
  const auto violation = checkReferentialRules(parseReferential(parseObject(text)), "small", counts);
  ASSERT_TRUE(violation);
  EXPECT_EQ(violation->path, "blocs[1].competencies[0].number");
  const auto wrong_id = checkReferentialRules(parseReferential(parseObject(kSmall)), "other", counts);
  ASSERT_TRUE(wrong_id);
  EXPECT_EQ(wrong_id->path, "id");
}

}  // namespace
}  // namespace cqpm::referential_model
