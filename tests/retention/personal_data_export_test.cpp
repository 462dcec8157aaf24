// The RGPD right of access: on a person's request the centre takes everything the platform holds
// about them (GET /files/{id}/personal-data), across their files of the centre, as a zip signed like
// an audit bundle; the export is written to the administration log.

#include <Poco/JSON/Parser.h>

#include <sstream>

#include "audit/audit_bundle.h"
#include "audit/zip_items.h"
#include "http/api_fixture.h"

namespace cqpm::testing {
namespace {

using PersonalDataExportTest = ApiTest;

TEST_P(PersonalDataExportTest, EverythingAboutThePersonAcrossTheirFilesSignedAndLogged) {
  const std::string centre = client().login("centre");
  const std::string first = createFile(centre, "Exportée", "employee", "Inès")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, first, "register", 1).status, 200);
  uploadReport(centre, first);
  const std::string again = createFile(centre, "Exportée", "job_seeker", "Inès")->getValue<std::string>("id");
  // Another person of the same family name, with an address of his own (an address is one candidate account).
  const auto other = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"job_seeker","candidate":{"given_name":"Paul","family_name":"Exportée",)"
      R"("email":"paul@example.org","birth_date":"1995-05-17"}})",
      centre);
  ASSERT_EQ(other.status, 201) << other.body;
  const std::string someone_else = other.json()->getValue<std::string>("id");

  const auto answer = client().get("/api/v1/files/" + first + "/personal-data", centre);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.headers.at("content-type"), "application/zip");
  EXPECT_NE(answer.headers.at("content-disposition").find("donnees-personnelles-" + first + ".zip"),
            std::string::npos);
  const auto items = zipItems(answer.body);
  for (const std::string& expected :
       {std::string("LISEZMOI.txt"), std::string("personne.json"), "dossiers/" + first + "/file.json",
        "dossiers/" + first + "/events.json", "dossiers/" + again + "/file.json",
        "dossiers/" + first + "/archive.pdf"}) {
    EXPECT_TRUE(items.count(expected)) << expected;
  }
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [&](const auto& item) {
    return item.first.rfind("dossiers/" + first + "/documents/", 0) == 0;
  })) << "the report";
  for (const auto& [name, bytes] : items) EXPECT_EQ(name.find(someone_else), std::string::npos) << name;
  const auto person =
      Poco::JSON::Parser().parse(items.at("personne.json")).extract<Poco::JSON::Object::Ptr>();
  const auto files = person->getArray("files");
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ(files->getObject(0)->getValue<std::string>("file_id"), first);  // the file asked about first
  EXPECT_EQ(files->getObject(1)->getValue<std::string>("given_name"), "Inès");
  EXPECT_NE(items.at("LISEZMOI.txt").find("RGPD"), std::string::npos);

  std::istringstream in(answer.body);
  const auto check = audit::verifyBundle(in, std::nullopt);
  EXPECT_TRUE(check.intact());
  for (const auto& problem : check.problems) ADD_FAILURE() << problem.item << ": " << problem.problem;

  const std::string log = client().get("/api/v1/admin/log?limit=20", centre).body;
  EXPECT_NE(log.find("\"action\":\"personal_data_exported\""), std::string::npos) << log;
  EXPECT_NE(log.find("dossier " + first), std::string::npos);

  // The centre's coordinators only: the others are refused, another centre does not see the file.
  for (const char* login : {"entreprise", "evaluateur1", "gtp-employeur", "admin", "candidat"}) {
    EXPECT_EQ(client().get("/api/v1/files/" + first + "/personal-data", client().login(login)).status / 100,
              4)
        << login;
  }
  EXPECT_EQ(client().get("/api/v1/files/" + first + "/personal-data", client().login("entreprise")).status,
            403);
  EXPECT_EQ(client().get("/api/v1/files/" + first + "/personal-data", client().login("centre2")).status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + first + "/personal-data", "").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonalDataExportTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
