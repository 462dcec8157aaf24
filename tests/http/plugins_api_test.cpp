#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>

#include <fstream>

#include "api_fixture.h"
#include "store/candidate_file_store.h"

// The CQPM plugins through the API: the catalogue, the registration fields and
// the modality plan each CQPM checks, a sixth CQPM added as a folder.

namespace cqpm::testing {
namespace {

using PluginsApiTest = ApiTest;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string newFile(const std::string& cqpm, const std::string& registration, const std::string& company) {
  return R"({"cqpm":")" + cqpm +
         R"(","pathway":"employee","candidate":{"given_name":"Yanis","family_name":"Robert","email":"y@r.fr","birth_date":"1993-03-03"},"company_id":")" +
         company + R"(","registration":)" + registration + "}";
}

// Typed habilitations and authorisations, valid beyond every date of the sample plan.
const std::string kCredentials =
    R"({"electrical_habilitations":[{"symbol":"B2V","issuer":"Mécanique de Précision du Rhône SAS","valid_until":"2030-12-31"}],)"
    R"("handling_authorisations":[{"symbol":"CACES R489","issuer":"AFPI Rhône","valid_until":"2030-12-31"}]})";

HttpAnswer putPlan(const HttpClient& client, const std::string& token, const std::string& id,
                   std::int64_t version, const Array::Ptr& plan) {
  Object::Ptr body = new Object;
  body->set("expected_version", version);
  body->set("competencies", plan);
  return client.request("PUT", "/api/v1/files/" + id + "/modalities", toJsonText(body),
                        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
}

TEST_P(PluginsApiTest, ListsTheFiveCqpmsWithTheirBlocsAndCompetencies) {
  const auto items = client().get("/api/v1/cqpms", client().login("evaluateur1")).json()->getArray("items");
  std::map<std::string, std::string> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto cqpm = items->getObject(static_cast<unsigned>(i));
    seen[cqpm->getValue<std::string>("id")] =
        cqpm->getValue<std::string>("blocs") + "/" + cqpm->getValue<std::string>("competencies");
  }
  EXPECT_EQ(seen, (std::map<std::string, std::string>{{"industrialisation", "4/8"},
                                                      {"maintenance-industrielle", "3/6"},
                                                      {"fabrication-additive", "2/6"},
                                                      {"maintenance-productive", "3/8"},
                                                      {"qualite", "3/6"}}));
}

TEST_P(PluginsApiTest, ServesTheWholeReferentialWithMissingCodesAsNull) {
  const std::string token = client().login("evaluateur1");
  const auto answer = client().get("/api/v1/cqpms/fabrication-additive", token);
  ASSERT_EQ(answer.status, 200);
  const auto referential = answer.json()->getObject("referential");
  const auto blocs = referential->getArray("blocs");
  EXPECT_EQ(blocs->getObject(0)->getValue<std::string>("code"), "BDC0198");
  EXPECT_TRUE(blocs->getObject(1)->isNull("code"));
  const auto competency = blocs->getObject(1)->getArray("competencies")->getObject(2);
  EXPECT_EQ(competency->getValue<int>("number"), 6);
  EXPECT_GT(competency->getObject("criteria")->getArray("means")->size(), 0u);
  const auto fields = answer.json()->getArray("registration_fields");
  EXPECT_EQ(fields->getObject(0)->getValue<std::string>("id"), "material_family");
  EXPECT_EQ(client().get("/api/v1/cqpms/soudure", token).status, 404);
}

TEST_P(PluginsApiTest, MaintenanceIndustrielleRegistrationNeedsTheHabilitations) {
  const std::string centre = client().login("centre");
  const std::string company = firstCompany(centre);
  const auto refused =
      client().postJson("/api/v1/files", newFile("maintenance-industrielle", "{}", company), centre);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.errorField(), "registration.electrical_habilitations");
  EXPECT_FALSE(
      refused.json()->getObject("error")->getObject("details")->getValue<std::string>("message_fr").empty());
  const auto accepted =
      client().postJson("/api/v1/files", newFile("maintenance-industrielle", kCredentials, company), centre);
  EXPECT_EQ(accepted.status, 201) << accepted.body;
  // « aucune » is not a habilitation: each one is typed, and its symbol is a known one.
  const auto none = client().postJson(
      "/api/v1/files",
      newFile("maintenance-industrielle",
              R"({"electrical_habilitations":["aucune"],"handling_authorisations":["CACES R489"]})", company),
      centre);
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.errorField(), "registration.electrical_habilitations[0]");
  const auto unknown = client().postJson(
      "/api/v1/files",
      newFile("maintenance-industrielle",
              R"({"electrical_habilitations":[{"symbol":"Aucune","issuer":"-","valid_until":"2030-01-01"}],
                  "handling_authorisations":[{"symbol":"CACES R489","issuer":"AFPI","valid_until":"2030-01-01"}]})",
              company),
      centre);
  EXPECT_EQ(unknown.errorField(), "registration.electrical_habilitations[0].symbol");
  EXPECT_NE(unknown.json()
                ->getObject("error")
                ->getObject("details")
                ->getValue<std::string>("message_fr")
                .find("n'est pas un symbole reconnu"),
            std::string::npos);
}

TEST_P(PluginsApiTest, HabilitationsMustBeValidOnEachPlannedEvaluationDate) {
  const std::string centre = client().login("centre");
  // B1V expires on 1 February 2027; the sample plan evaluates competency 2 on 15 February 2027.
  const auto created = client().postJson(
      "/api/v1/files",
      newFile(
          "maintenance-industrielle",
          R"({"electrical_habilitations":[{"symbol":"B1V","issuer":"Mécanique de Précision du Rhône SAS","valid_until":"2027-02-01"}],
                  "handling_authorisations":[{"symbol":"CACES R489","issuer":"AFPI Rhône","valid_until":"2031-03-31"}]})",
          firstCompany(centre)),
      centre);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, id, "register", 1).status, 200);
  const auto editor = client().get("/api/v1/files/" + id + "/modalities", centre).json();
  const auto plan = demo::sampleModalityPlan(editor, "maintenance-industrielle", "{}");
  ASSERT_EQ(plan->getObject(1)->getValue<std::string>("planned_date"), "2027-02-15");
  const auto refused = putPlan(client(), centre, id, 2, plan);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.errorField(), "competencies[1].planned_date");
  const auto details = refused.json()->getObject("error")->getObject("details");
  EXPECT_EQ(details->getValue<int>("competency"), 2);
  EXPECT_NE(details->getValue<std::string>("message_fr").find("B1V"), std::string::npos);
  EXPECT_NE(details->getValue<std::string>("message_fr").find("expire le 01/02/2027"), std::string::npos);
  // Evaluations planned before the expiry are accepted.
  for (std::size_t i = 0; i < plan->size(); ++i)
    plan->getObject(static_cast<unsigned>(i))->set("planned_date", "2027-01-20");
  EXPECT_EQ(putPlan(client(), centre, id, 2, plan).status, 200);
}

TEST_P(PluginsApiTest, TheModalityPlanIsCheckedByTheCqpmAndNamesTheCompetency) {
  const std::string centre = client().login("centre");
  const auto created = client().postJson(
      "/api/v1/files", newFile("maintenance-industrielle", kCredentials, firstCompany(centre)), centre);
  const std::string id = created.json()->getValue<std::string>("id");
  EXPECT_EQ(fire(centre, id, "agree_modalities", 1).errorCode(), "invalid_state");
  ASSERT_EQ(fire(centre, id, "register", 1).status, 200);
  const auto no_plan = fire(centre, id, "agree_modalities", 2);
  EXPECT_EQ(no_plan.status, 422);
  EXPECT_EQ(no_plan.errorField(), "modality_plan");

  const auto editor = client().get("/api/v1/files/" + id + "/modalities", centre).json();
  EXPECT_TRUE(editor->getValue<bool>("editable"));
  EXPECT_EQ(editor->getArray("competencies")->size(), 6u);
  EXPECT_EQ(editor->getObject("plan_fields")->getArray("4")->size(), 2u);
  auto plan = demo::sampleModalityPlan(editor, "maintenance-industrielle", "{}");
  // Competency 4 on a single-technology piece of equipment: refused, naming it.
  Array::Ptr one = new Array;
  one->add("mechanical");
  plan->getObject(3)->getObject("details")->set("technologies", one);
  const auto refused = putPlan(client(), centre, id, 2, plan);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.errorField(), "competencies[3].details.technologies");
  EXPECT_EQ(refused.json()->getObject("error")->getObject("details")->getValue<int>("competency"), 4);
  // Shape errors name the field; another centre's evaluator is refused.
  auto bad_date = demo::sampleModalityPlan(editor, "maintenance-industrielle", "{}");
  bad_date->getObject(1)->set("planned_date", "15/01/2027");
  EXPECT_EQ(putPlan(client(), centre, id, 2, bad_date).errorField(), "competencies[1].planned_date");
  auto stranger = demo::sampleModalityPlan(editor, "maintenance-industrielle", "{}");
  Array::Ptr nobody = new Array;
  nobody->add("someone-else");
  stranger->getObject(0)->set("evaluators", nobody);
  EXPECT_EQ(putPlan(client(), centre, id, 2, stranger).errorField(), "competencies[0].evaluators[0]");
  EXPECT_EQ(putPlan(client(), client().login("entreprise"), id, 2, plan).status, 403);
  EXPECT_EQ(putPlan(client(), client().login("centre2"), id, 2, plan).status, 404);

  const auto accepted =
      putPlan(client(), centre, id, 2, demo::sampleModalityPlan(editor, "maintenance-industrielle", "{}"));
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()->getValue<int>("file_version"), 3);
  EXPECT_EQ(putPlan(client(), centre, id, 2, plan).errorCode(), "version_conflict");
  ASSERT_EQ(fire(centre, id, "agree_modalities", 3).status, 200);
  EXPECT_FALSE(
      client().get("/api/v1/files/" + id + "/modalities", centre).json()->getValue<bool>("editable"));
  EXPECT_EQ(putPlan(client(), centre, id, 4, plan).errorCode(), "invalid_state");
  const auto events = client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items");
  EXPECT_EQ(events->getObject(2)->getValue<std::string>("transition"), "update_modality_plan");
}

// The company's opinion is its own signed step, never a modality: not for a VAE file, nor for an employee's,
// and a plan stored before that rule is refused when the modalities are agreed.
TEST_P(PluginsApiTest, NoFilePlansACompetencyOnTheCompanyOpinion) {
  const std::string centre = client().login("centre");
  for (const char* pathway : {"vae", "employee"}) {
    const std::string id = createFile(centre, "Avis", pathway)->getValue<std::string>("id");
    ASSERT_EQ(fire(centre, id, "register", 1).status, 200);
    const auto editor = client().get("/api/v1/files/" + id + "/modalities", centre).json();
    auto plan = demo::sampleModalityPlan(editor, "qualite", "{}");
    plan->getObject(0)->set("modality", "company_opinion");
    const auto refused = putPlan(client(), centre, id, 2, plan);
    EXPECT_EQ(refused.status, 422) << pathway;
    EXPECT_EQ(refused.errorField(), "competencies[0].modality") << pathway;
    if (std::string(pathway) != "employee") continue;
    server_->server().database().write([&](store::SqlSession& sql) {
      ASSERT_TRUE(store::candidate_file_store::updateModalityPlan(
          sql, id, 2, toJsonText(Poco::Dynamic::Var(plan)), "2026-01-05T10:00:00Z"));
    });
    const auto agreement = fire(centre, id, "agree_modalities", 3);
    EXPECT_EQ(agreement.status, 422) << agreement.body;
    EXPECT_NE(agreement.body.find("avis de l'entreprise n'est pas une modalit"), std::string::npos)
        << agreement.body;
  }
}

// A sixth CQPM is a folder: dropped beside the five, it is served.
TEST(SixthPluginTest, ANewFolderIsANewCqpm) {
  const std::string root = makeTempDir("cqpm-plugins");
  for (const char* id : {"qualite", "industrialisation"}) {
    Poco::File(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + id).copyTo(root + "/" + id);
  }
  Poco::File(std::string(CQPM_SOURCE_ROOT) + "/plugins/qualite").copyTo(root + "/soudure");
  auto rewrite = [&](const std::string& file) {
    const std::string path = root + "/soudure/" + file;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    auto object = Poco::JSON::Parser().parse(text.str()).extract<Object::Ptr>();
    object->set("id", "soudure");
    object->set("title", "Soudeur industriel");
    std::ofstream out(path, std::ios::trunc);
    object->stringify(out, 2);
  };
  rewrite("manifest.json");
  rewrite("referential.json");
  Poco::File(root + "/broken").createDirectories();
  std::ofstream(root + "/broken/manifest.json") << "{\"id\": \"broken\"}";
  {
    TestServer server("sqlite", TestServerOptions{root});
    const auto client = server.client();
    const std::string token = client.login("centre");
    const auto items = client.get("/api/v1/cqpms", token).json()->getArray("items");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < items->size(); ++i)
      ids.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    EXPECT_EQ(ids, (std::set<std::string>{"industrialisation", "qualite", "soudure"}));
    EXPECT_EQ(client.get("/api/v1/cqpms/soudure", token).json()->getValue<std::string>("title"),
              "Soudeur industriel");
    const auto created = client.postJson(
        "/api/v1/files",
        R"({"cqpm":"soudure","pathway":"job_seeker","candidate":{"given_name":"A","family_name":"B","email":"a@b.fr","birth_date":"1990-01-01"}})",
        token);
    EXPECT_EQ(created.status, 201) << created.body;
    const auto ready = client.get("/readyz", "").json();
    EXPECT_EQ(ready->getValue<std::string>("status"), "degraded");
    const auto refused = ready->getObject("checks")->getObject("plugins")->getArray("refused");
    ASSERT_EQ(refused->size(), 1u);
    EXPECT_EQ(refused->getObject(0)->getValue<std::string>("plugin"), "broken");
    EXPECT_EQ(refused->getObject(0)->getValue<std::string>("file"), "manifest.json");
  }
  Poco::File(root).remove(true);
}

// A plugin that fails refuses the operation with its name, hook and line, the
// file's history records it, and the server goes on.
TEST(PluginFailureApiTest, APluginErrorRefusesTheOperationAndIsRecorded) {
  const std::string root = makeTempDir("cqpm-plugins");
  Poco::File(std::string(CQPM_SOURCE_ROOT) + "/plugins/qualite").copyTo(root + "/qualite");
  std::ofstream(root + "/qualite/manifest.json", std::ios::trunc)
      << R"({"id":"qualite","title":"Technicien de la qualité","version":"1.0.1","host_api":1,"hooks":["check_modality_plan"]})";
  std::ofstream(root + "/qualite/plugin.lua", std::ios::trunc)
      << "local M = {}\nfunction M.check_modality_plan(ctx)\n  local n = 0\n  while true do n = n + 1 "
         "end\nend\nreturn M\n";
  {
    TestServer server("sqlite", TestServerOptions{root});
    const auto client = server.client();
    const std::string token = client.login("centre");
    const auto created = client.postJson(
        "/api/v1/files",
        R"({"cqpm":"qualite","pathway":"vae","candidate":{"given_name":"A","family_name":"B","email":"a@b.fr","birth_date":"1990-01-01"}})",
        token);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()->getValue<std::string>("id");
    const auto registered = client.postJson("/api/v1/files/" + id + "/transitions",
                                            R"({"transition":"register","expected_version":1})", token);
    ASSERT_EQ(registered.status, 200) << registered.body;
    const auto editor = client.get("/api/v1/files/" + id + "/modalities", token).json();
    Object::Ptr body = new Object;
    body->set("expected_version", 2);
    body->set("competencies", demo::sampleModalityPlan(editor, "qualite", "{}"));
    const auto refused =
        client.request("PUT", "/api/v1/files/" + id + "/modalities", toJsonText(body),
                       {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
    EXPECT_EQ(refused.status, 500) << refused.body;
    EXPECT_EQ(refused.errorCode(), "plugin_failed");
    EXPECT_NE(refused.body.find("plugin qualite, hook check_modality_plan: plugins/qualite/plugin.lua:4:"),
              std::string::npos)
        << refused.body;
    EXPECT_NE(refused.body.find("budget exceeded"), std::string::npos) << refused.body;
    const auto file = client.get("/api/v1/files/" + id, token).json();
    EXPECT_EQ(file->getValue<int>("version"), 2);  // nothing of the refused plan was written
    const auto events = client.get("/api/v1/files/" + id + "/events", token).json()->getArray("items");
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ(events->getObject(2)->getValue<std::string>("transition"), "plugin_failed");
    EXPECT_EQ(client.get("/healthz", "").status, 200);
  }
  Poco::File(root).remove(true);
}

INSTANTIATE_TEST_SUITE_P(Backends, PluginsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
