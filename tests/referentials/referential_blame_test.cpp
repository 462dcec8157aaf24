#include "referentials/referential_blame.h"

#include <gtest/gtest.h>

#include <map>

#include "common/error.h"
#include "http/referential_presenters.h"
#include "referential_test_support.h"

namespace cqpm::referentials {
namespace {

using namespace test_support;
using Poco::JSON::Object;
using Versions = std::vector<std::pair<int, Object::Ptr>>;

std::map<std::string, BlameEntry> byPath(const std::vector<BlameEntry>& entries) {
  std::map<std::string, BlameEntry> result;
  for (const auto& entry : entries) result[entry.path] = entry;
  return result;
}

// Three published versions of fabrication additive:
//   2: the missing code of bloc 2 filled, criterion methods[1] of competency 4 reworded;
//   3: a criterion inserted at the head of competency 5's means, competency 2 retitled.
Versions threeVersions() {
  auto v1 = loadReferential("fabrication-additive");
  auto v2 = copyOf(v1);
  bloc(v2, 1)->set("code", "BDC0199");
  criteria(v2, 4, "methods")->set(1, std::string("Les paramètres de production sont vérifiés et ajustés"));
  auto v3 = copyOf(v2);
  insertAt(criteria(v3, 5, "means"), 0, std::string("Le poste est équipé d'un système d'aspiration"));
  competency(v3, 2)->set("title", "Démarrer et arrêter un équipement de production");
  return {{1, v1}, {2, v2}, {3, v3}};
}

TEST(ReferentialBlameTest, AttributesEachChangeToItsVersionAndTheRestToTheFirst) {
  const auto entries = blameReferential(threeVersions());
  const std::map<std::string, int> expected{
      {"blocs[1].code", 2},
      {"competencies.4", 2},
      {"competencies.4.criteria.methods[1]", 2},
      {"competencies.5", 3},
      {"competencies.5.criteria.means[0]", 3},
      {"competencies.2", 3},
      {"competencies.2.title", 3},
  };
  for (const auto& entry : entries) {
    const auto it = expected.find(entry.path);
    EXPECT_EQ(entry.version, it == expected.end() ? 1 : it->second) << entry.path;
  }
  const auto paths = byPath(entries);
  for (const auto& [path, version] : expected) EXPECT_TRUE(paths.count(path)) << path;
}

TEST(ReferentialBlameTest, FollowsItemsShiftedByAnInsertion) {
  const auto versions = threeVersions();
  const auto paths = byPath(blameReferential(versions));
  const auto means = criteria(versions.back().second, 5, "means");
  ASSERT_EQ(means->size(), 4u);
  for (unsigned i = 1; i < means->size(); ++i) {
    const auto& entry = paths.at("competencies.5.criteria.means[" + std::to_string(i) + "]");
    EXPECT_EQ(entry.version, 1);
    EXPECT_EQ(entry.text, means->getElement<std::string>(i));
    EXPECT_EQ(entry.group, "means");
    EXPECT_EQ(entry.index, static_cast<int>(i));
    EXPECT_EQ(entry.competency, 5);
    EXPECT_EQ(entry.bloc, "BDC0199");
  }
}

TEST(ReferentialBlameTest, CoversEveryCompetencyAndCriterionOfTheLastVersion) {
  const auto versions = threeVersions();
  const auto entries = blameReferential(versions);
  std::size_t criteria_count = 0;
  std::size_t competency_count = 0;
  for (const auto& entry : entries) {
    criteria_count += entry.kind == "criterion";
    competency_count += entry.kind == "competency";
  }
  std::size_t expected_criteria = 0;
  for (int number = 1; number <= 6; ++number) {
    for (const std::string group : {"methods", "means", "relations", "environment"}) {
      expected_criteria += criteria(versions.back().second, number, group)->size();
    }
  }
  EXPECT_EQ(competency_count, 6u);
  EXPECT_EQ(criteria_count, expected_criteria);
}

TEST(ReferentialBlameTest, GivesARemovedThenRestoredTextTheVersionOfItsReturn) {
  auto v1 = loadReferential("qualite");
  auto v2 = copyOf(v1);
  criteria(v2, 1, "means")->remove(0);
  auto v3 = copyOf(v1);
  const auto paths = byPath(blameReferential({{1, v1}, {4, v2}, {7, v3}}));
  EXPECT_EQ(paths.at("competencies.1.criteria.means[0]").version, 7);
  EXPECT_EQ(paths.at("competencies.1.criteria.means[1]").version, 1);
  EXPECT_EQ(paths.at("competencies.1").version, 7);
}

TEST(ReferentialBlameTest, BlamesEverythingOnTheOnlyVersion) {
  for (const auto& entry : blameReferential({{3, loadReferential("industrialisation")}})) {
    EXPECT_EQ(entry.version, 3) << entry.path;
  }
}

TEST(ReferentialBlameTest, RefusesVersionsOutOfOrderOrMissing) {
  const auto referential = loadReferential("qualite");
  for (const Versions& versions : {Versions{}, Versions{{2, referential}, {1, referential}},
                                   Versions{{1, referential}, {1, referential}}, Versions{{1, nullptr}}}) {
    try {
      blameReferential(versions);
      ADD_FAILURE() << "accepted " << versions.size() << " versions";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kInvalidField);
      EXPECT_EQ(error.field().rfind("versions", 0), 0u) << error.field();
    }
  }
}

TEST(ReferentialBlameTest, WritesEntriesAsJson) {
  const auto entries = blameReferential(threeVersions());
  const auto json = http::blameToJson(entries);
  ASSERT_EQ(json->size(), entries.size());
  const auto code = json->getObject(0);
  EXPECT_EQ(code->getValue<std::string>("path"), "blocs[0].code");
  EXPECT_TRUE(code->isNull("competency"));
  EXPECT_TRUE(code->isNull("index"));
  EXPECT_EQ(code->getValue<int>("version"), 1);
}

}  // namespace
}  // namespace cqpm::referentials
