#include <Poco/JSON/Object.h>

#include <regex>

#include "common/json_text.h"
#include "juries/jury_fixture.h"
#include "support/two_instance_deployment.h"

// The whole path of issue 5, across roles and over HTTP, for a candidate of
// each of the five CQPMs: registration with the CQPM's own fields, the
// modality plan its rules accept, the report uploaded, the commission's two
// evaluators signing every competency of the pinned referential, the host
// company's signed opinion, a paritary jury with both colleges, the decision,
// the minutes and the certificate read back with pdftotext, and the public
// verification of the certificate's code.

namespace cqpm::testing {
namespace {

const std::string kReconstitutedWhy =
    "La ligne L2 est arrêtée pour rénovation pendant toute la période d'évaluation.";

/// Runs of white space (pdftotext breaks long lines) as one space.

class FiveCqpmJourneyTest : public JuryApiTest {
 protected:
  /// An employee of the centre's first company, registered for `cqpm` with the
  /// registration fields its rules accept; returns the file id.
  std::string registeredFile(const std::string& cqpm, const std::string& family_name,
                             std::string& registration_json) const {
    registration_json = toJsonText(demo::sampleRegistration(cqpm, 0));
    const auto created = client().postJson(
        "/api/v1/files",
        R"({"cqpm":")" + cqpm + R"(","pathway":"employee","candidate":{"given_name":"Inès","family_name":")" +
            family_name + R"(","email":"ines@example.org","birth_date":"1996-02-29"},"company_id":")" +
            firstCompany(centre_) + R"(","registration":)" + registration_json + "}",
        centre_);
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()->getValue<std::string>("id");
    const auto registered = fire(centre_, id, "register", 1);
    EXPECT_EQ(registered.status, 200) << registered.body;
    return id;
  }

  /// The file's state as the centre sees it.
  std::string stateOf(const std::string& file_id) const {
    return client().get("/api/v1/files/" + file_id, centre_).json()->getValue<std::string>("state");
  }

  /// The whole path, for a candidate of each CQPM, through client().
  void walkFiveCqpms();
};

void FiveCqpmJourneyTest::walkFiveCqpms() {
  const auto cqpms = client().get("/api/v1/cqpms", centre_).json()->getArray("items");
  ASSERT_EQ(cqpms->size(), 5u);
  std::vector<std::string> files;
  std::map<std::string, std::string> cqpm_of, title_of, name_of;
  for (std::size_t i = 0; i < cqpms->size(); ++i) {
    const auto cqpm = cqpms->getObject(static_cast<unsigned>(i));
    const std::string id = cqpm->getValue<std::string>("id");
    SCOPED_TRACE(id);
    const std::string family_name = "Parcours" + std::string(1, static_cast<char>('A' + i));
    std::string registration_json;
    const std::string file = registeredFile(id, family_name, registration_json);
    if (id == "maintenance-productive") {
      // The one CQPM allowing a reconstituted situation: competency 3 is evaluated in one, justified.
      const auto editor = client().get("/api/v1/files/" + file + "/modalities", centre_).json();
      auto plan = demo::sampleModalityPlan(editor, id, registration_json);
      plan->getObject(2)->set("modality", "reconstituted_situation");
      plan->getObject(2)->set("justification", kReconstitutedWhy);
      Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
      body->set("expected_version", versionOf(file));
      body->set("competencies", plan);
      const auto put =
          client().request("PUT", "/api/v1/files/" + file + "/modalities", toJsonText(body),
                           {{"Authorization", "Bearer " + centre_}, {"Content-Type", "application/json"}});
      ASSERT_EQ(put.status, 200) << put.body;
    } else {
      const auto plan = putSamplePlan(centre_, file, versionOf(file), id, registration_json);
      ASSERT_EQ(plan.status, 200) << plan.body;
    }
    step(centre_, file, "agree_modalities");
    uploadReport(client().login("entreprise"), file);
    step(client().login("entreprise"), file, "submit_evidence");
    formCommission(centre_, file);
    step(centre_, file, "start_evaluation");
    // Nothing evaluated yet: the plugin's completeness check holds the file.
    const auto grid =
        client().get("/api/v1/files/" + file + "/evaluation", client().login("evaluateur1")).json();
    EXPECT_FALSE(grid->getValue<bool>("complete"));
    EXPECT_EQ(fire(centre_, file, "request_company_opinion", versionOf(file)).status, 422);
    evaluateEveryCompetency(file);
    EXPECT_TRUE(
        client().get("/api/v1/files/" + file + "/evaluation", centre_).json()->getValue<bool>("complete"));
    step(centre_, file, "request_company_opinion");
    signSampleCompanyOpinion(file);
    step(client().login("entreprise"), file, "give_company_opinion");
    ASSERT_EQ(stateOf(file), "ready_for_jury");
    files.push_back(file);
    cqpm_of[file] = id;
    title_of[file] = cqpm->getValue<std::string>("title");
    name_of[file] = family_name;
  }

  const std::string session = openSession(files);
  for (const auto& file : files) {
    SCOPED_TRACE(cqpm_of[file]);
    EXPECT_EQ(stateOf(file), "in_deliberation");
    const auto proposed = proposal(session, file);
    EXPECT_EQ(proposed->getValue<std::string>("outcome"), "certified");
    // The jury sees how each competency was evaluated, and why a situation was reconstituted.
    const auto third = proposed->getArray("competencies")->getObject(2)->getObject("modality");
    ASSERT_TRUE(third);
    const bool reconstituted = cqpm_of[file] == "maintenance-productive";
    EXPECT_EQ(third->getValue<bool>("exceptional"), reconstituted);
    EXPECT_EQ(third->getValue<std::string>("id"),
              reconstituted ? "reconstituted_situation" : "real_situation");
    if (reconstituted) EXPECT_EQ(third->getValue<std::string>("justification"), kReconstitutedWhy);
    const auto decided = decide(session, file, R"({"outcome":"certified"})");
    ASSERT_EQ(decided.status, 201) << decided.body;
  }
  publishSession(session);
  for (const auto& file : files) {
    SCOPED_TRACE(cqpm_of[file]);
    EXPECT_EQ(stateOf(file), "certified");

    const auto award = decisionOf(file)->getArray("awards")->getObject(0);
    const std::string code = award->getValue<std::string>("verification_code");
    const auto pdf = client().get("/api/v1/awards/" + award->getValue<std::string>("id") + "/document.pdf",
                                  client().login("entreprise"));
    ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
    const std::string text = flatText(pdfText(pdf.body));
    EXPECT_NE(text.find(name_of[file]), std::string::npos) << text;
    EXPECT_NE(text.find(flatText(title_of[file])), std::string::npos) << text;
    EXPECT_NE(text.find(code), std::string::npos) << text;

    // Anyone checks the code: no session, and nothing beyond what the certificate says.
    const auto verified = client().get("/api/v1/verify/" + code, "");
    ASSERT_EQ(verified.status, 200) << verified.body;
    const auto answer = verified.json();
    EXPECT_EQ(answer->getValue<std::string>("status"), "valid");
    EXPECT_NE(answer->getValue<std::string>("holder_name").find(name_of[file]), std::string::npos);
    EXPECT_EQ(answer->getObject("cqpm")->getValue<std::string>("id"), cqpm_of[file]);
    EXPECT_FALSE(answer->has("birth_date"));
  }

  const auto minutes = client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_);
  ASSERT_EQ(minutes.status, 200);
  const std::string text = flatText(pdfText(minutes.body));
  for (const auto& file : files) EXPECT_NE(text.find(name_of[file]), std::string::npos) << name_of[file];
  EXPECT_NE(text.find("Justification : " + flatText(kReconstitutedWhy)), std::string::npos) << text;
}

TEST_P(FiveCqpmJourneyTest, ACandidateOfEachCqpmGoesFromRegistrationToAVerifiedCertificate) {
  walkFiveCqpms();
}

INSTANTIATE_TEST_SUITE_P(Backends, FiveCqpmJourneyTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

// The same path as deploy/README.md lays out production: PostgreSQL, two
// instances each with its own data folder and one shared documents folder,
// Debian's nginx in front with the shipped configuration; every request of
// the journey goes through nginx, which spreads them over both instances.
class FiveCqpmJourneyBehindNginxTest : public FiveCqpmJourneyTest {
 protected:
  void SetUp() override {
    FiveCqpmJourneyTest::SetUp();
    if (IsSkipped()) return;
    if (GetParam() != "postgresql") GTEST_SKIP() << "several instances run on PostgreSQL only";
    deployment_ = std::make_unique<TwoInstanceDeployment>(*server_);
    ASSERT_EQ(deployment_->problem(), "") << deployment_->describe();
    via_port_ = deployment_->nginxPort();
  }
  void TearDown() override {
    via_port_ = 0;
    deployment_.reset();
    FiveCqpmJourneyTest::TearDown();
  }

  std::unique_ptr<TwoInstanceDeployment> deployment_;
};

TEST_P(FiveCqpmJourneyBehindNginxTest, ACandidateOfEachCqpmGoesFromRegistrationToAVerifiedCertificate) {
  walkFiveCqpms();
}

INSTANTIATE_TEST_SUITE_P(Backends, FiveCqpmJourneyBehindNginxTest, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
