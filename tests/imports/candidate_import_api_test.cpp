#include "http/api_fixture.h"

// Importing candidates over HTTP, as a centre does from French Excel: preview, then confirmation.

namespace cqpm::testing {
namespace {

using CandidateImportApiTest = ApiTest;

// The demo's first company (working with the first centre) has this SIRET.
const std::string kHeader = "\xEF\xBB\xBFnom;prenom;date_naissance;email;cqpm;parcours;siret_entreprise\r\n";
const std::string kGoodLines =
    "Nguyen;Thi Lan;03/07/1992;thi-lan.nguyen@exemple.fr;qualite;salarie;452 193 847 00012\r\n"
    "Kowalski;Piotr;21/11/1985;piotr.kowalski@exemple.fr;qualite;vae;\r\n"
    "Benali;Sami;9/1/2000;sami.benali@exemple.fr;industrialisation;demandeur_emploi;45219384700012\r\n";

HttpAnswer postCsv(const HttpClient& client, const std::string& token, const std::string& csv) {
  return client.request("POST", "/api/v1/imports/candidates?filename=promo.csv", csv,
                        {{"Authorization", "Bearer " + token}, {"Content-Type", "text/csv"}});
}

std::size_t fileCount(const HttpClient& client, const std::string& token) {
  return client.get("/api/v1/files?limit=100", token).json()->getArray("items")->size();
}

TEST_P(CandidateImportApiTest, APreviewWithBrokenLinesNamesThemAndCreatesNothing) {
  const std::string centre = client().login("centre");
  const std::size_t before = fileCount(client(), centre);
  const auto preview =
      postCsv(client(), centre,
              kHeader + kGoodLines + "Martin;;31/02/1990;pas-une-adresse;soudure;salarie;12345678900016\r\n");
  ASSERT_EQ(preview.status, 201) << preview.body;
  const auto json = preview.json();
  EXPECT_EQ(json->getValue<int>("line_count"), 4);
  EXPECT_EQ(json->getValue<int>("valid_count"), 3);
  EXPECT_EQ(json->getValue<int>("error_count"), 1);
  EXPECT_FALSE(json->getValue<bool>("can_confirm"));
  const auto errors = json->getArray("errors");
  std::set<std::string> columns;
  for (std::size_t i = 0; i < errors->size(); ++i) {
    const auto error = errors->getObject(static_cast<unsigned>(i));
    EXPECT_EQ(error->getValue<int>("line"), 5);  // the header is line 1
    EXPECT_FALSE(error->getValue<std::string>("message").empty());
    columns.insert(error->getValue<std::string>("column"));
  }
  for (const char* column : {"prenom", "date_naissance", "email", "cqpm", "siret_entreprise"}) {
    EXPECT_TRUE(columns.count(column)) << column << " in " << preview.body;
  }
  EXPECT_EQ(fileCount(client(), centre), before);
  const std::string id = json->getValue<std::string>("id");
  const auto refused = client().postJson("/api/v1/imports/" + id + "/confirmation", "", centre);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(fileCount(client(), centre), before);
}

TEST_P(CandidateImportApiTest, AConfirmationOpensEveryFileOnceAndIsIdempotent) {
  const std::string centre = client().login("centre");
  const std::size_t before = fileCount(client(), centre);
  const auto preview = postCsv(client(), centre, kHeader + kGoodLines);
  ASSERT_EQ(preview.status, 201) << preview.body;
  ASSERT_TRUE(preview.json()->getValue<bool>("can_confirm")) << preview.body;
  const auto rows = preview.json()->getArray("rows");
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->getObject(0)->getValue<std::string>("birth_date"), "1992-07-03");
  EXPECT_EQ(rows->getObject(0)->getObject("company")->getValue<std::string>("name"),
            "Mécanique de Précision du Rhône SAS");
  EXPECT_TRUE(rows->getObject(1)->isNull("company"));
  const std::string path = "/api/v1/imports/" + preview.json()->getValue<std::string>("id");

  const auto confirmed = client().postJson(path + "/confirmation", "", centre);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()->getValue<std::string>("state"), "confirmed");
  EXPECT_EQ(fileCount(client(), centre), before + 3);
  const std::string first_file =
      confirmed.json()->getArray("rows")->getObject(0)->getValue<std::string>("file_id");
  const auto file = client().get("/api/v1/files/" + first_file, centre);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.json()->getObject("candidate")->getValue<std::string>("family_name"), "Nguyen");
  const auto again = client().postJson(path + "/confirmation", "", centre);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()->getArray("rows")->getObject(0)->getValue<std::string>("file_id"), first_file);
  EXPECT_EQ(fileCount(client(), centre), before + 3);
  EXPECT_EQ(client().get(path, centre).json()->getValue<std::string>("state"), "confirmed");
  const auto log = client().get("/api/v1/admin/log?limit=1", centre).json()->getArray("items")->getObject(0);
  EXPECT_EQ(log->getValue<std::string>("action"), "candidates_imported");
}

TEST_P(CandidateImportApiTest, AConfirmationThatCannotOpenOneFileOpensNone) {
  const std::string centre = client().login("centre");
  const std::size_t before = fileCount(client(), centre);
  const auto preview = postCsv(client(), centre, kHeader + kGoodLines);
  ASSERT_EQ(preview.status, 201);
  // Between preview and confirmation the company is deactivated: lines 2 and 4 can no longer be opened.
  const std::string admin = client().login("admin");
  const std::string company = firstCompany(centre);
  ASSERT_EQ(client()
                .request("PATCH", "/api/v1/organisations/" + company, R"({"active":false})",
                         {{"Authorization", "Bearer " + admin}, {"Content-Type", "application/json"}})
                .status,
            200);
  const auto refused = client().postJson(
      "/api/v1/imports/" + preview.json()->getValue<std::string>("id") + "/confirmation", "", centre);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.errorField(), "rows[2].company_id");
  EXPECT_EQ(fileCount(client(), centre), before);
}

TEST_P(CandidateImportApiTest, OnlyTheCentresCoordinatorsImportAndReadTheirImports) {
  const std::string centre = client().login("centre");
  const auto preview = postCsv(client(), centre, kHeader + kGoodLines);
  ASSERT_EQ(preview.status, 201);
  const std::string path = "/api/v1/imports/" + preview.json()->getValue<std::string>("id");
  EXPECT_EQ(client().get(path, client().login("centre2")).status, 404);
  EXPECT_EQ(client().postJson(path + "/confirmation", "", client().login("centre2")).status, 404);
  EXPECT_EQ(postCsv(client(), client().login("entreprise"), kHeader + kGoodLines).status, 403);
  EXPECT_EQ(postCsv(client(), client().login("admin"), kHeader + kGoodLines).status, 403);
  // The other centre does not work with the first centre's company: its lines say so.
  const auto foreign = postCsv(client(), client().login("centre2"), kHeader + kGoodLines);
  ASSERT_EQ(foreign.status, 201);
  EXPECT_EQ(foreign.json()->getValue<int>("error_count"), 2);
  // Unreadable files: a French message naming the line.
  const auto latin1 = postCsv(client(), centre, "nom;prenom\r\nL\xE9vy;Anne\r\n");
  EXPECT_EQ(latin1.status, 422);
  EXPECT_NE(latin1.json()->getObject("error")->getValue<std::string>("message").find("ligne 2"),
            std::string::npos)
      << latin1.body;
  EXPECT_EQ(postCsv(client(), centre, "").errorField(), "file");
  const auto model = client().get("/api/v1/imports/candidates/template", centre);
  ASSERT_EQ(model.status, 200);
  EXPECT_EQ(model.body.rfind("\xEF\xBB\xBFnom;prenom;date_naissance", 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CandidateImportApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
