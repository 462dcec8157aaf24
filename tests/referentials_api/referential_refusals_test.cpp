// What the referential review refuses, through the HTTP API: who may propose,
// malformed or unchanged referentials, and every approval, rejection or
// publication out of turn. A refusal leaves the proposal and the versions as
// they were.

#include <Poco/UUIDGenerator.h>

#include "common/clock.h"
#include "referential_api_fixture.h"
#include "store/account_store.h"

namespace cqpm::testing {
namespace {

using Poco::JSON::Object;
using ReferentialRefusalsTest = ReferentialApiTest;

TEST_P(ReferentialRefusalsTest, OnlyAGtpAuditorProposes) {
  for (const char* login : {"centre", "admin", "evaluateur1", "entreprise", "jury-employeur"}) {
    const auto answer = propose(client().login(login), kFabrication, withFilledCode(), kFillReason);
    EXPECT_EQ(answer.status, 403) << login << ": " << answer.body;
    EXPECT_EQ(answer.errorCode(), "forbidden") << login;
  }
  EXPECT_EQ(client().get("/api/v1/proposals", employer_).json()->getArray("items")->size(), 0u);
}

TEST_P(ReferentialRefusalsTest, OnlyAGtpAuditorApprovesRejectsOrPublishes) {
  const std::int64_t id = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const std::string centre = client().login("centre");
  EXPECT_EQ(approve(centre, id).status, 403);
  EXPECT_EQ(reject(client().login("admin"), id, "non").status, 403);
  ASSERT_EQ(approve(employee_, id).status, 200);
  EXPECT_EQ(publish(centre, id).status, 403);
  EXPECT_EQ(proposal(id)->getValue<std::string>("state"), "approved");
}

TEST_P(ReferentialRefusalsTest, SchemaFaultIsA400NamingTheFieldUnderReferential) {
  auto referential = withFilledCode();
  referential->getArray("blocs")->getObject(1)->set("code", "B-199");
  const auto answer = propose(employer_, kFabrication, referential, kFillReason);
  EXPECT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.errorCode(), "invalid_field");
  EXPECT_EQ(answer.errorField(), "referential.blocs[1].code") << answer.body;

  auto missing = withFilledCode();
  missing->remove("blocs");
  const auto no_blocs = propose(employer_, kFabrication, missing, kFillReason);
  EXPECT_EQ(no_blocs.status, 400) << no_blocs.body;
  EXPECT_EQ(no_blocs.errorField().rfind("referential", 0), 0u) << no_blocs.body;
}

TEST_P(ReferentialRefusalsTest, RuleFaultIsA400NamingTheFieldUnderReferential) {
  auto referential = withFilledCode();
  referential->getArray("blocs")->getObject(1)->set("code", "BDC0198");  // bloc 1's code
  const auto answer = propose(employer_, kFabrication, referential, kFillReason);
  EXPECT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.errorField(), "referential.blocs[1].code") << answer.body;

  auto other_id = withFilledCode();
  other_id->set("id", "qualite");
  const auto wrong_cqpm = propose(employer_, kFabrication, other_id, kFillReason);
  EXPECT_EQ(wrong_cqpm.status, 400) << wrong_cqpm.body;
  EXPECT_EQ(wrong_cqpm.errorField(), "referential.id") << wrong_cqpm.body;
}

TEST_P(ReferentialRefusalsTest, ProposalWithoutReasonOrReferentialIs400) {
  const auto no_reason = propose(employer_, kFabrication, withFilledCode(), "  ");
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_EQ(no_reason.errorField(), "reason");
  const auto no_referential = client().postJson("/api/v1/cqpms/fabrication-additive/proposals",
                                                R"({"reason":"x","referential":[1]})", employer_);
  EXPECT_EQ(no_referential.status, 400) << no_referential.body;
  EXPECT_EQ(no_referential.errorField(), "referential");
  EXPECT_EQ(propose(employer_, "inconnu", withFilledCode(), kFillReason).status, 404);
}

TEST_P(ReferentialRefusalsTest, IdenticalDocumentIs422) {
  const auto answer = propose(employer_, kFabrication, currentReferential(kFabrication), "Aucun changement.");
  EXPECT_EQ(answer.status, 422) << answer.body;
  EXPECT_EQ(answer.errorCode(), "unprocessable");
  EXPECT_EQ(answer.errorField(), "referential");

  // Identical content in another member order is still identical.
  const auto current = currentReferential(kFabrication);
  Object::Ptr reordered = new Object;
  auto names = current->getNames();
  for (auto it = names.rbegin(); it != names.rend(); ++it) reordered->set(*it, current->get(*it));
  EXPECT_EQ(propose(employer_, kFabrication, reordered, "Aucun changement.").status, 422);
}

TEST_P(ReferentialRefusalsTest, ProposerApprovingTheirOwnProposalIs409) {
  const std::int64_t id = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const auto answer = approve(employer_, id);
  EXPECT_EQ(answer.status, 409) << answer.body;
  EXPECT_EQ(answer.errorCode(), "conflict");
  const auto unchanged = proposal(id);
  EXPECT_EQ(unchanged->getValue<std::string>("state"), "open");
  EXPECT_EQ(unchanged->getArray("approvals")->size(), 1u);
}

TEST_P(ReferentialRefusalsTest, SecondApprovalFromTheProposersCollegeIs409) {
  // No API creates accounts: the second employer-college auditor is added to the
  // GTP's organisation in the store, then acts through the API like the demo's.
  auto& db = server_->server().database();
  const std::string password_hash = server_->server().auth().hasher().hash("demo");
  db.write([&](store::SqlSession& sql) {
    const auto colleague = store::account_store::findUserByLogin(sql, "gtp-employeur");
    ASSERT_TRUE(colleague.has_value());
    domain::UserAccount user;
    user.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    user.login = "gtp-employeur2";
    user.display_name = "Paul Girard";
    user.email = "gtp-employeur2@exemple.fr";
    user.password_hash = password_hash;
    user.role = domain::Role::kGtpAuditor;
    user.college = domain::College::kEmployer;
    user.organisation_id = colleague->organisation_id;
    store::account_store::insertUser(sql, user, nowIso8601(systemClock()));
  });
  const std::string second_employer = client().login("gtp-employeur2");

  const std::int64_t id = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const auto answer = approve(second_employer, id);
  EXPECT_EQ(answer.status, 409) << answer.body;
  EXPECT_EQ(answer.errorCode(), "conflict");
  EXPECT_EQ(proposal(id)->getValue<std::string>("state"), "open");
  EXPECT_EQ(approve(employee_, id).status, 200);

  // The same colleague completes an employee's proposal, after which nobody else may approve it.
  const std::int64_t other = [&] {
    const auto proposed =
        propose(employee_, "qualite", withRewordedMission("qualite", " (relu)"), "Relecture.");
    EXPECT_EQ(proposed.status, 201) << proposed.body;
    return proposed.json()->getValue<std::int64_t>("id");
  }();
  const auto by_colleague = approve(second_employer, other);
  EXPECT_EQ(by_colleague.status, 200) << by_colleague.body;
  EXPECT_EQ(approve(employer_, other).status, 409);
}

TEST_P(ReferentialRefusalsTest, ApprovingTwiceIs409AndKeepsTwoApprovals) {
  const std::int64_t id = proposeOk(kFabrication, withFilledCode(), kFillReason);
  ASSERT_EQ(approve(employee_, id).status, 200);
  const auto again = approve(employee_, id);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.errorCode(), "invalid_state");
  EXPECT_EQ(approve(employer_, id).status, 409);
  const auto after = proposal(id);
  EXPECT_EQ(after->getValue<std::string>("state"), "approved");
  EXPECT_EQ(after->getArray("approvals")->size(), 2u);
}

TEST_P(ReferentialRefusalsTest, PublishingAnOpenProposalIs409InvalidState) {
  const std::int64_t id = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const auto answer = publish(employer_, id);
  EXPECT_EQ(answer.status, 409) << answer.body;
  EXPECT_EQ(answer.errorCode(), "invalid_state");
  EXPECT_EQ(versions(kFabrication)->size(), 1u);
  EXPECT_EQ(stockGit(repository(), "tag -l 'fabrication-additive/*'").second, "fabrication-additive/v1\n");
}

TEST_P(ReferentialRefusalsTest, RejectedProposalCanNeitherBeApprovedNorPublished) {
  const std::int64_t id = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const auto no_reason = reject(employee_, id, "");
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_EQ(no_reason.errorField(), "reason");

  const auto rejected = reject(employee_, id, "Le code n'est pas encore publié.");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()->getValue<std::string>("state"), "rejected");
  EXPECT_EQ(rejected.json()->getValue<std::string>("rejection_reason"), "Le code n'est pas encore publié.");

  const auto approved = approve(employee_, id);
  EXPECT_EQ(approved.status, 409) << approved.body;
  EXPECT_EQ(approved.errorCode(), "invalid_state");
  EXPECT_EQ(publish(employer_, id).status, 409);
  EXPECT_EQ(reject(employer_, id, "encore").status, 409);
  EXPECT_EQ(proposal(id)->getValue<std::string>("state"), "rejected");
  EXPECT_EQ(versions(kFabrication)->size(), 1u);
  const auto listed = client().get("/api/v1/proposals?state=rejected", employer_).json()->getArray("items");
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->getObject(0)->getValue<std::int64_t>("id"), id);
}

TEST_P(ReferentialRefusalsTest, UnknownProposalIs404) {
  EXPECT_EQ(approve(employee_, 999).status, 404);
  EXPECT_EQ(publish(employee_, 999).status, 404);
  EXPECT_EQ(client().get("/api/v1/proposals/999", employee_).status, 404);
  EXPECT_EQ(client().get("/api/v1/proposals/abc", employee_).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialRefusalsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
