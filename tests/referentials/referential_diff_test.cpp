#include "referentials/referential_diff.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "http/referential_presenters.h"
#include "referential_test_support.h"

namespace cqpm::referentials {
namespace {

using namespace test_support;
using Poco::JSON::Object;

// Group and index of the n-th criterion (from 1) of a competency, in document order.
std::pair<std::string, unsigned> nthCriterion(const Object::Ptr& referential, int number, unsigned n) {
  for (const std::string group : {"methods", "means", "relations", "environment"}) {
    const auto items = criteria(referential, number, group);
    if (n <= items->size()) return {group, n - 1};
    n -= items->size();
  }
  throw std::runtime_error("no such criterion");
}

std::string describe(const std::vector<Change>& changes) {
  std::string text;
  for (const auto& change : changes) text += change.kind + " " + change.action + " " + change.path + "\n";
  return text;
}

class DiffOfEachReferential : public ::testing::TestWithParam<std::string> {};

TEST_P(DiffOfEachReferential, FindsNoChangeBetweenEqualVersions) {
  const auto referential = loadReferential(GetParam());
  EXPECT_TRUE(diffReferentials(referential, copyOf(referential)).empty());
}

TEST_P(DiffOfEachReferential, ReportsARewordedCriterionOnceWithBothTexts) {
  const auto from = loadReferential(GetParam());
  auto to = copyOf(from);
  const auto [group, index] = nthCriterion(to, 4, 2);
  const std::string old_text = criteria(from, 4, group)->getElement<std::string>(index);
  const std::string new_text = old_text + " (formulation revue par le GTP)";
  criteria(to, 4, group)->set(index, new_text);

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "criterion");
  EXPECT_EQ(changes[0].action, "reworded");
  EXPECT_EQ(changes[0].path, "competencies.4.criteria." + group + "[" + std::to_string(index) + "]");
  EXPECT_EQ(changes[0].competency, 4);
  EXPECT_EQ(changes[0].group, group);
  EXPECT_EQ(changes[0].old_value.toString(), old_text);
  EXPECT_EQ(changes[0].new_value.toString(), new_text);
}

TEST_P(DiffOfEachReferential, ReportsACriterionInsertedInTheMiddleAsOneAddition) {
  const auto from = loadReferential(GetParam());
  auto to = copyOf(from);
  auto items = criteria(to, 4, "environment");
  ASSERT_GE(items->size(), 2u);
  const unsigned middle = items->size() / 2;
  insertAt(items, middle, std::string("Les consignes de sécurité propres au site sont respectées"));

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "criterion");
  EXPECT_EQ(changes[0].action, "added");
  EXPECT_EQ(changes[0].path, "competencies.4.criteria.environment[" + std::to_string(middle) + "]");
  EXPECT_EQ(changes[0].to_index, static_cast<int>(middle));
  EXPECT_TRUE(changes[0].old_value.isEmpty());
}

TEST_P(DiffOfEachReferential, ReportsARemovedCompetencyOnce) {
  const auto from = loadReferential(GetParam());
  auto to = copyOf(from);
  auto [competencies, index] = competencySlot(to, 3);
  competencies->remove(index);

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "competency");
  EXPECT_EQ(changes[0].action, "removed");
  EXPECT_EQ(changes[0].path, "competencies.3");
  EXPECT_EQ(changes[0].competency, 3);
  EXPECT_EQ(changes[0].old_value.extract<Object::Ptr>()->getValue<std::string>("title"),
            competency(from, 3)->getValue<std::string>("title"));
  EXPECT_TRUE(changes[0].new_value.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Plugins, DiffOfEachReferential, ::testing::ValuesIn(kReferentialIds),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(ReferentialDiffTest, ReportsFillingTheMissingBlocCodeAsOneFilledCode) {
  const auto from = loadReferential("fabrication-additive");
  auto to = copyOf(from);
  ASSERT_TRUE(bloc(to, 1)->isNull("code"));
  bloc(to, 1)->set("code", "BDC0199");

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "bloc_code");
  EXPECT_EQ(changes[0].action, "filled");
  EXPECT_EQ(changes[0].path, "blocs[1].code");
  EXPECT_EQ(changes[0].bloc, "BDC0199");
  EXPECT_TRUE(changes[0].old_value.isEmpty());
  EXPECT_EQ(changes[0].new_value.toString(), "BDC0199");
  EXPECT_FALSE(changes[0].competency);
}

TEST(ReferentialDiffTest, NamesABlocWithoutCodeByItsPlace) {
  const auto from = loadReferential("fabrication-additive");
  auto to = copyOf(from);
  bloc(to, 1)->set("title", "La réalisation d'une production");
  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "bloc_title");
  EXPECT_EQ(changes[0].action, "reworded");
  EXPECT_EQ(changes[0].path, "blocs[1].title");
  EXPECT_EQ(changes[0].bloc, "bloc 2");
}

TEST(ReferentialDiffTest, ReportsAnAddedModalityOnce) {
  const auto from = loadReferential("qualite");
  auto to = copyOf(from);
  Object::Ptr modality = new Object;
  modality->set("id", "reconstituted_situation");
  modality->set("label", "Mise en situation professionnelle reconstituée");
  Poco::JSON::Array::Ptr description = new Poco::JSON::Array;
  description->add("Uniquement à titre exceptionnel.");
  modality->set("description", description);
  modality->set("exceptional", true);
  insertAt(to->getArray("modalities"), 2, modality);

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "modality");
  EXPECT_EQ(changes[0].action, "added");
  EXPECT_EQ(changes[0].path, "modalities.reconstituted_situation");
  EXPECT_EQ(changes[0].to_index, 2);
}

TEST(ReferentialDiffTest, ReportsChangedModalityFieldsById) {
  const auto from = loadReferential("qualite");
  auto to = copyOf(from);
  auto opinion = to->getArray("modalities")->getObject(2);
  ASSERT_EQ(opinion->getValue<std::string>("id"), "company_opinion");
  opinion->getArray("excluded_pathways")->add("job_seeker");
  opinion->set("label", "Avis de l'employeur");

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 2u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "modality_label");
  EXPECT_EQ(changes[0].path, "modalities.company_opinion.label");
  EXPECT_EQ(changes[1].kind, "modality_field");
  EXPECT_EQ(changes[1].action, "changed");
  EXPECT_EQ(changes[1].path, "modalities.company_opinion.excluded_pathways");
}

TEST(ReferentialDiffTest, ReportsACompetencyMovedToAnotherBloc) {
  const auto from = loadReferential("industrialisation");
  auto to = copyOf(from);
  auto moved = competency(to, 2);
  auto [competencies, index] = competencySlot(to, 2);
  competencies->remove(index);
  insertAt(bloc(to, 1)->getArray("competencies"), 0, moved);

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "competency");
  EXPECT_EQ(changes[0].action, "moved");
  EXPECT_EQ(changes[0].old_value.toString(), "BDC0170");
  EXPECT_EQ(changes[0].new_value.toString(), "BDC0171");
}

TEST(ReferentialDiffTest, ReportsAnAddedCompetencyWithItsBloc) {
  const auto from = loadReferential("industrialisation");
  auto to = copyOf(from);
  auto added = copyOf(from)->getArray("blocs")->getObject(3)->getArray("competencies")->getObject(1);
  added->set("number", 9);
  bloc(to, 3)->getArray("competencies")->add(added);

  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "competency");
  EXPECT_EQ(changes[0].action, "added");
  EXPECT_EQ(changes[0].path, "competencies.9");
  EXPECT_EQ(changes[0].bloc, "BDC0173");
}

TEST(ReferentialDiffTest, ListsChangesInDocumentOrder) {
  const auto from = loadReferential("maintenance-productive");
  auto to = copyOf(from);
  to->getArray("admissibility")->add("Une condition nouvelle.");
  to->getArray("modalities")->remove(2);
  criteria(to, 7, "methods")->remove(0);
  competency(to, 2)->set("title", "Évaluer les risques");
  bloc(to, 0)->set("code", "BDC0300");
  to->set("title", "Technicien(ne) en maintenance productive");

  const std::string last_admissibility =
      "admissibility[" + std::to_string(to->getArray("admissibility")->size() - 1) + "]";

  const auto changes = diffReferentials(from, to);
  std::vector<std::string> paths;
  paths.reserve(changes.size());
  for (const auto& change : changes) paths.push_back(change.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"title", "blocs[0].code", "competencies.2.title",
                                             "competencies.7.criteria.methods[0]",
                                             "modalities.reconstituted_situation", last_admissibility}))
      << describe(changes);
}

TEST(ReferentialDiffTest, ReportsUnknownMembersAsFields) {
  const auto from = loadReferential("qualite");
  auto to = copyOf(from);
  competency(to, 1)->set("weight", 2);
  const auto changes = diffReferentials(from, to);
  ASSERT_EQ(changes.size(), 1u) << describe(changes);
  EXPECT_EQ(changes[0].kind, "field");
  EXPECT_EQ(changes[0].action, "added");
  EXPECT_EQ(changes[0].path, "competencies.1.weight");
}

TEST(ReferentialDiffTest, RefusesTwoCompetenciesWithOneNumber) {
  const auto from = loadReferential("qualite");
  auto to = copyOf(from);
  competency(to, 2)->set("number", 1);
  try {
    diffReferentials(from, to);
    ADD_FAILURE() << "accepted a duplicate number";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidField);
    EXPECT_EQ(error.field(), "blocs[0].competencies[1].number");
  }
}

TEST(ReferentialDiffTest, WritesChangesAsJsonWithEveryMember) {
  const auto from = loadReferential("fabrication-additive");
  auto to = copyOf(from);
  bloc(to, 1)->set("code", "BDC0199");
  const auto json = http::changesToJson(diffReferentials(from, to));
  ASSERT_EQ(json->size(), 1u);
  EXPECT_EQ(canonicalJsonValue(json),
            "[\n  {\n    \"action\": \"filled\",\n    \"bloc\": \"BDC0199\",\n    \"competency\": null,\n"
            "    \"from_index\": 1,\n    \"group\": null,\n    \"kind\": \"bloc_code\",\n"
            "    \"new_value\": \"BDC0199\",\n    \"old_value\": null,\n    \"path\": \"blocs[1].code\",\n"
            "    \"to_index\": 1\n  }\n]");
}

}  // namespace
}  // namespace cqpm::referentials
