// The issue's scenario through the HTTP API: fabrication-additive's second bloc
// has no code in version 1; the GTP proposes it, both colleges approve, it is
// published as version 2. History, diff and blame show exactly that change, and
// files registered before keep being judged under version 1.

#include <map>
#include <set>

#include "referential_api_fixture.h"

namespace cqpm::testing {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using ReferentialPublicationTest = ReferentialApiTest;

/// The bloc codes the plan editor of a file shows, by competency number.
std::map<int, std::string> editorBlocCodes(const Object::Ptr& editor) {
  std::map<int, std::string> codes;
  const auto competencies = editor->getArray("competencies");
  for (std::size_t i = 0; i < competencies->size(); ++i) {
    const auto competency = competencies->getObject(static_cast<unsigned>(i));
    codes[competency->getValue<int>("number")] =
        competency->isNull("bloc_code") ? "null" : competency->getValue<std::string>("bloc_code");
  }
  return codes;
}

/// {centre name, state} -> count, from GET /cqpms/{id}/versions/{n}/files.
std::map<std::pair<std::string, std::string>, std::int64_t> pinnedByCentreAndState(const Object::Ptr& body) {
  std::map<std::pair<std::string, std::string>, std::int64_t> counts;
  const auto rows = body->getArray("by_centre_and_state");
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto row = rows->getObject(static_cast<unsigned>(i));
    counts[{row->getValue<std::string>("centre"), row->getValue<std::string>("state")}] +=
        row->getValue<std::int64_t>("count");
  }
  return counts;
}

TEST_P(ReferentialPublicationTest, FillingTheMissingBlocCodeGoesThroughProposalApprovalAndPublication) {
  const auto before = currentReferential(kFabrication);
  ASSERT_TRUE(before->getArray("blocs")->getObject(1)->isNull("code"));

  const auto proposed = propose(employer_, kFabrication, withFilledCode(), kFillReason);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const auto open = proposed.json();
  const std::int64_t id = open->getValue<std::int64_t>("id");
  EXPECT_EQ(open->getValue<std::string>("state"), "open");
  EXPECT_EQ(open->getValue<std::int64_t>("base_version"), 1);
  EXPECT_EQ(open->getValue<std::string>("ref"), "refs/proposals/" + std::to_string(id));
  EXPECT_EQ(collegesOf(open->getArray("approvals")), std::multiset<std::string>{"employer"});
  EXPECT_EQ(open->getArray("changes")->size(), 1u)
      << toJsonText(Poco::Dynamic::Var(open->getArray("changes")));

  const auto approved = approve(employee_, id);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()->getValue<std::string>("state"), "approved");
  EXPECT_EQ(collegesOf(approved.json()->getArray("approvals")),
            (std::multiset<std::string>{"employer", "employee"}));

  const auto published = publish(employer_, id);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()->getValue<std::string>("state"), "published");
  EXPECT_EQ(published.json()->getValue<std::int64_t>("published_version"), 2);

  const auto in_force = client().get("/api/v1/cqpms/fabrication-additive", employer_).json();
  EXPECT_EQ(in_force->getValue<std::int64_t>("referential_version"), 2);
  EXPECT_EQ(
      in_force->getObject("referential")->getArray("blocs")->getObject(1)->getValue<std::string>("code"),
      kFilledCode);
}

TEST_P(ReferentialPublicationTest, VersionListShowsAuthorReasonAndBothCollegesOfVersionTwo) {
  ASSERT_EQ(proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason).status, 200);

  const auto items = versions(kFabrication);
  ASSERT_EQ(items->size(), 2u) << toJsonText(Poco::Dynamic::Var(items));
  const auto v1 = items->getObject(0);
  EXPECT_EQ(v1->getValue<std::int64_t>("version"), 1);
  EXPECT_EQ(v1->getValue<std::string>("tag"), "fabrication-additive/v1");
  EXPECT_EQ(v1->getValue<std::string>("author"), "CQPM Hub");
  EXPECT_EQ(v1->getValue<std::string>("reason"),
            "Référentiel officiel, transcrit de cqpm-operateur-fabrication-additive.txt.");
  EXPECT_EQ(v1->getArray("approvers")->size(), 0u);

  const auto v2 = items->getObject(1);
  EXPECT_EQ(v2->getValue<std::int64_t>("version"), 2);
  EXPECT_EQ(v2->getValue<std::string>("tag"), "fabrication-additive/v2");
  EXPECT_EQ(v2->getValue<std::string>("author"), "Marc Dubois");
  EXPECT_EQ(v2->getValue<std::string>("email"), "gtp-employeur@exemple.fr");
  EXPECT_EQ(v2->getValue<std::string>("reason"), kFillReason);
  EXPECT_NE(v2->getValue<std::string>("commit"), v1->getValue<std::string>("commit"));
  const auto approvers = v2->getArray("approvers");
  EXPECT_EQ(collegesOf(approvers), (std::multiset<std::string>{"employer", "employee"}));
  std::set<std::string> names;
  for (std::size_t i = 0; i < approvers->size(); ++i)
    names.insert(approvers->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
  EXPECT_EQ(names, (std::set<std::string>{"Marc Dubois", "Hélène Petit"}));

  const auto one = client().get("/api/v1/cqpms/fabrication-additive/versions/2", employee_);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(
      one.json()->getObject("referential")->getArray("blocs")->getObject(1)->getValue<std::string>("code"),
      kFilledCode);
  const auto first = client().get("/api/v1/cqpms/fabrication-additive/versions/1", employee_);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.json()->getObject("referential")->getArray("blocs")->getObject(1)->isNull("code"));
  EXPECT_EQ(client().get("/api/v1/cqpms/fabrication-additive/versions/3", employee_).status, 404);
}

TEST_P(ReferentialPublicationTest, DiffFromOneToTwoHasExactlyTheFilledBlocCode) {
  ASSERT_EQ(proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason).status, 200);

  const auto answer = client().get("/api/v1/cqpms/fabrication-additive/diff?from=1&to=2", employee_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto body = answer.json();
  EXPECT_EQ(body->getObject("from")->getValue<std::int64_t>("version"), 1);
  EXPECT_EQ(body->getObject("to")->getValue<std::int64_t>("version"), 2);
  const auto changes = body->getArray("changes");
  ASSERT_EQ(changes->size(), 1u) << toJsonText(Poco::Dynamic::Var(changes));
  const auto change = changes->getObject(0);
  EXPECT_EQ(change->getValue<std::string>("kind"), "bloc_code");
  EXPECT_EQ(change->getValue<std::string>("action"), "filled");
  EXPECT_EQ(change->getValue<std::string>("path"), "blocs[1].code");
  EXPECT_TRUE(change->isNull("old_value"));
  EXPECT_EQ(change->getValue<std::string>("new_value"), kFilledCode);

  const auto backwards = client().get("/api/v1/cqpms/fabrication-additive/diff?from=2&to=1", employee_);
  ASSERT_EQ(backwards.status, 200) << backwards.body;
  EXPECT_EQ(backwards.json()->getArray("changes")->size(), 1u);
  const auto same = client().get("/api/v1/cqpms/fabrication-additive/diff?from=2&to=2", employee_);
  EXPECT_EQ(same.json()->getArray("changes")->size(), 0u);
}

TEST_P(ReferentialPublicationTest, BlameGivesTheBlocCodeToVersionTwoAndEverythingElseToVersionOne) {
  ASSERT_EQ(proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason).status, 200);

  const auto answer = client().get("/api/v1/cqpms/fabrication-additive/blame", employee_);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto items = answer.json()->getArray("items");
  ASSERT_GT(items->size(), 10u);
  int code_entries = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    const std::string path = item->getValue<std::string>("path");
    if (path == "blocs[1].code") {
      ++code_entries;
      EXPECT_EQ(item->getValue<int>("version"), 2);
      EXPECT_EQ(item->getValue<std::string>("text"), kFilledCode);
    } else {
      EXPECT_EQ(item->getValue<int>("version"), 1) << path;
    }
  }
  EXPECT_EQ(code_entries, 1);
}

TEST_P(ReferentialPublicationTest, FileRegisteredBeforeStaysOnVersionOneAndFileRegisteredAfterTakesTwo) {
  const std::string centre = client().login("centre");
  const std::string before = registeredFabricationFile(centre, "Avant");
  const auto pinned = client().get("/api/v1/files/" + before, centre).json()->getObject("referential");
  ASSERT_TRUE(pinned);
  EXPECT_EQ(pinned->getValue<std::int64_t>("version"), 1);
  const std::string v1_commit = versions(kFabrication)->getObject(0)->getValue<std::string>("commit");
  EXPECT_EQ(pinned->getValue<std::string>("commit"), v1_commit);

  ASSERT_EQ(proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason).status, 200);
  const std::string after = registeredFabricationFile(centre, "Après");

  const auto old_file = client().get("/api/v1/files/" + before, centre).json()->getObject("referential");
  EXPECT_EQ(old_file->getValue<std::int64_t>("version"), 1);
  EXPECT_EQ(old_file->getValue<std::string>("commit"), v1_commit);
  const auto new_file = client().get("/api/v1/files/" + after, centre).json()->getObject("referential");
  EXPECT_EQ(new_file->getValue<std::int64_t>("version"), 2);
  EXPECT_EQ(new_file->getValue<std::string>("commit"),
            versions(kFabrication)->getObject(1)->getValue<std::string>("commit"));

  // The plan editor reads the referential each file is pinned to: competencies 4..6 are in bloc 2.
  const auto old_editor = client().get("/api/v1/files/" + before + "/modalities", centre);
  ASSERT_EQ(old_editor.status, 200) << old_editor.body;
  const auto new_editor = client().get("/api/v1/files/" + after + "/modalities", centre);
  ASSERT_EQ(new_editor.status, 200) << new_editor.body;
  const std::map<int, std::string> v1_codes{{1, "BDC0198"}, {2, "BDC0198"}, {3, "BDC0198"},
                                            {4, "null"},    {5, "null"},    {6, "null"}};
  const std::map<int, std::string> v2_codes{{1, "BDC0198"},   {2, "BDC0198"},   {3, "BDC0198"},
                                            {4, kFilledCode}, {5, kFilledCode}, {6, kFilledCode}};
  EXPECT_EQ(editorBlocCodes(old_editor.json()), v1_codes);
  EXPECT_EQ(editorBlocCodes(new_editor.json()), v2_codes);

  // The file pinned to version 1 still takes a plan checked under version 1.
  const auto plan = putSamplePlan(centre, before, 2, kFabrication, R"({"material_family":"polymer_powder"})");
  EXPECT_EQ(plan.status, 200) << plan.body;
}

TEST_P(ReferentialPublicationTest, PinnedFilesAreCountedByStateAndCentre) {
  const std::string centre = client().login("centre");
  const auto me = client().get("/api/v1/me", centre).json();
  const std::string centre_name = me->getObject("organisation")->getValue<std::string>("name");

  // The demo pins two fabrication-additive files to version 1, one per centre.
  const auto demo = client().get("/api/v1/cqpms/fabrication-additive/versions/1/files", employee_);
  ASSERT_EQ(demo.status, 200) << demo.body;
  const auto demo_counts = pinnedByCentreAndState(demo.json());
  const std::int64_t demo_total = demo.json()->getValue<std::int64_t>("total");
  EXPECT_EQ(demo_total, 2) << demo.body;

  registeredFabricationFile(centre, "Premier");
  registeredFabricationFile(centre, "Second");
  createFabricationFile(centre, "Brouillon");  // a draft pins nothing
  ASSERT_EQ(proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason).status, 200);
  registeredFabricationFile(centre, "Troisième");

  const auto v1 = client().get("/api/v1/cqpms/fabrication-additive/versions/1/files", employee_);
  ASSERT_EQ(v1.status, 200) << v1.body;
  EXPECT_EQ(v1.json()->getValue<std::int64_t>("version"), 1);
  EXPECT_EQ(v1.json()->getValue<std::int64_t>("total"), demo_total + 2) << v1.body;
  auto expected = demo_counts;
  expected[{centre_name, "registered"}] += 2;
  EXPECT_EQ(pinnedByCentreAndState(v1.json()), expected) << v1.body;
  const auto by_state = v1.json()->getObject("by_state");
  std::int64_t by_state_total = 0;
  for (const auto& name : by_state->getNames()) by_state_total += by_state->getValue<std::int64_t>(name);
  EXPECT_EQ(by_state_total, demo_total + 2);

  const auto v2 = client().get("/api/v1/cqpms/fabrication-additive/versions/2/files", employee_);
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(v2.json()->getValue<std::int64_t>("total"), 1);
  EXPECT_EQ(pinnedByCentreAndState(v2.json()),
            (std::map<std::pair<std::string, std::string>, std::int64_t>{{{centre_name, "registered"}, 1}}));

  EXPECT_EQ(client().get("/api/v1/cqpms/fabrication-additive/versions/9/files", employee_).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialPublicationTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
