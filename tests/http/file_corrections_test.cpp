#include "api_fixture.h"

// A centre corrects a candidate's identity and the CQPM's registration answers: with a reason, the old values
// kept in the history, the plugin checking the answers again.

namespace cqpm::testing {
namespace {

using FileCorrectionsTest = ApiTest;

HttpAnswer correct(const HttpClient& client, const std::string& token, const std::string& id,
                   const std::string& body) {
  return client.postJson("/api/v1/files/" + id + "/corrections", body, token);
}

TEST_P(FileCorrectionsTest, ACorrectionKeepsTheOldValuesInTheHistory) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre, "Duran")->getValue<std::string>("id");
  const auto corrected = correct(client(), centre, id,
                                 R"({"expected_version":1,"reason":"Nom mal orthographié à l'inscription",
                                     "candidate":{"family_name":"Durand","birth_date":"1995-05-18"}})");
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  const auto file = corrected.json();
  EXPECT_EQ(file->getValue<int>("version"), 2);
  EXPECT_EQ(file->getValue<std::string>("state"), "draft");
  EXPECT_EQ(file->getObject("candidate")->getValue<std::string>("family_name"), "Durand");
  EXPECT_EQ(file->getObject("candidate")->getValue<std::string>("given_name"), "Alex");  // untouched

  const auto events = client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items");
  const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("transition"), "file_corrected");
  const auto payload = last->getObject("payload");
  EXPECT_EQ(payload->getObject("before")->getValue<std::string>("family_name"), "Duran");
  EXPECT_EQ(payload->getObject("after")->getValue<std::string>("family_name"), "Durand");
  EXPECT_EQ(payload->getObject("before")->getValue<std::string>("birth_date"), "1995-05-17");
  EXPECT_EQ(payload->getValue<std::string>("reason"), "Nom mal orthographié à l'inscription");
  EXPECT_NE(last->getValue<std::string>("summary_fr").find("a corrigé le dossier"), std::string::npos);
  EXPECT_EQ(client().get("/api/v1/files?q=durand", centre).json()->getArray("items")->size(), 1u);
}

TEST_P(FileCorrectionsTest, BadCorrectionsAreRefusedAndChangeNothing) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre, "Intact")->getValue<std::string>("id");
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"expected_version":1,"candidate":{"family_name":"X"}})", "reason"},
      {R"({"expected_version":1,"reason":"  ","candidate":{"family_name":"X"}})", "reason"},
      {R"({"expected_version":1,"reason":"r","candidate":{"family_name":"Intact"}})", "candidate"},
      {R"({"expected_version":1,"reason":"r","candidate":{"birth_date":"17/05/1995"}})",
       "candidate.birth_date"},
      {R"({"expected_version":1,"reason":"r","candidate":{"email":"nope"}})", "candidate.email"},
      {R"({"expected_version":"1","reason":"r","candidate":{"family_name":"X"}})", "expected_version"},
  };
  for (const auto& [body, field] : cases) {
    const auto answer = correct(client(), centre, id, body);
    EXPECT_EQ(answer.status, 400) << body << " -> " << answer.body;
    EXPECT_EQ(answer.errorField(), field) << body;
  }
  // Without the version read (If-Match, or the deprecated expected_version): 428.
  const auto blind = correct(client(), centre, id, R"({"reason":"r","candidate":{"family_name":"X"}})");
  EXPECT_EQ(blind.status, 428) << blind.body;
  EXPECT_EQ(blind.errorField(), "If-Match");
  const auto stale =
      correct(client(), centre, id, R"({"expected_version":7,"reason":"r","candidate":{"family_name":"X"}})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.errorCode(), "version_conflict");
  EXPECT_EQ(correct(client(), client().login("entreprise"), id,
                    R"({"expected_version":1,"reason":"r","candidate":{"family_name":"X"}})")
                .status,
            403);
  EXPECT_EQ(correct(client(), client().login("centre2"), id,
                    R"({"expected_version":1,"reason":"r","candidate":{"family_name":"X"}})")
                .status,
            404);
  const auto file = client().get("/api/v1/files/" + id, centre).json();
  EXPECT_EQ(file->getValue<int>("version"), 1);
  EXPECT_EQ(file->getObject("candidate")->getValue<std::string>("family_name"), "Intact");
  // A closed file is not corrected any more.
  ASSERT_EQ(fire(centre, id, "withdraw", 1, R"({"reason":"Abandon"})").status, 200);
  EXPECT_EQ(
      correct(client(), centre, id, R"({"expected_version":2,"reason":"r","candidate":{"family_name":"X"}})")
          .status,
      409);
}

TEST_P(FileCorrectionsTest, TheCqpmsPluginChecksTheCorrectedRegistrationAnswers) {
  const std::string centre = client().login("centre");
  const auto created = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"fabrication-additive","pathway":"job_seeker","registration":{"material_family":"metal_powder"},
          "candidate":{"given_name":"Léa","family_name":"Mercier","email":"lea.m@exemple.fr","birth_date":"2001-06-18"}})",
      centre);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()->getValue<std::string>("id");
  const auto refused = correct(
      client(), centre, id,
      R"({"expected_version":1,"reason":"Erreur de matière","registration":{"material_family":"wood"}})");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.errorField().rfind("registration", 0), 0u) << refused.body;
  const auto accepted = correct(
      client(), centre, id,
      R"({"expected_version":1,"reason":"Erreur de matière","registration":{"material_family":"sand"}})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  const auto events = client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items");
  const auto after =
      events->getObject(static_cast<unsigned>(events->size() - 1))->getObject("payload")->getObject("after");
  EXPECT_NE(after->getValue<std::string>("registration").find("sand"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, FileCorrectionsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
