#include "admin/admin_fixture.h"

// Organisations through the API, as the platform administrator and a centre coordinator work.

namespace cqpm::testing {
namespace {

using OrganisationsApiTest = AdminTest;

const char* kNewCentre =
    R"({"kind":"centre","name":"Centre UIMM Bretagne","region":"Bretagne","departements":["35","29","22","56"]})";

TEST_P(OrganisationsApiTest, AdminCreatesACentreWithItsTerritory) {
  const std::string admin = client().login("admin");
  const auto created = send("POST", "/api/v1/organisations", kNewCentre, admin);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto centre = created.json();
  EXPECT_EQ(centre->getValue<std::string>("kind"), "centre");
  EXPECT_EQ(centre->getValue<std::string>("region"), "Bretagne");
  EXPECT_EQ(centre->getArray("departements")->size(), 4u);
  EXPECT_EQ(centre->getArray("departements")->getElement<std::string>(0), "22");  // sorted
  EXPECT_TRUE(centre->getValue<bool>("active"));
  const std::string id = centre->getValue<std::string>("id");
  EXPECT_EQ(client().get("/api/v1/organisations/" + id, admin).status, 200);
  // Another centre's coordinator does not see it: 404, not 403.
  EXPECT_EQ(client().get("/api/v1/organisations/" + id, client().login("centre")).status, 404);
}

TEST_P(OrganisationsApiTest, EveryFieldIsCheckedAndNamed) {
  const std::string admin = client().login("admin");
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"kind":"centre","name":"X","region":"Bretagne"})", "departements"},
      {R"({"kind":"centre","name":"X","region":"Armorique","departements":["35"]})", "region"},
      {R"({"kind":"centre","name":"X","region":"Bretagne","departements":["20"]})", "departements"},
      {R"({"kind":"centre","name":"X","region":"Bretagne","departements":[35]})", "departements[0]"},
      {R"({"kind":"centre","name":"   ","region":"Bretagne","departements":["35"]})", "name"},
      {R"({"kind":"company","name":"Usinage SAS"})", "siret"},
      {R"({"kind":"company","name":"Usinage SAS","siret":"45219384700013"})", "siret"},
      {R"({"kind":"company","name":"Usinage SAS","siret":"4521938470001"})", "siret"},
      {R"({"kind":"company","name":"Usinage SAS","siret":"12345678900015","region":"Bretagne"})", "region"},
      {R"({"kind":"company","name":"Usinage SAS","siret":"12345678900015","centre_ids":["nope"]})",
       "centre_ids"},
      {R"({"kind":"guild","name":"X"})", "kind"},
      {R"({"name":"X"})", "kind"},
  };
  for (const auto& [body, field] : cases) {
    const auto answer = send("POST", "/api/v1/organisations", body, admin);
    EXPECT_EQ(answer.status, 400) << body << " -> " << answer.body;
    EXPECT_EQ(answer.errorField(), field) << body;
  }
  EXPECT_EQ(send("POST", "/api/v1/organisations", "{", admin).status, 400);
  // Nothing was half-created.
  const auto all =
      client().get("/api/v1/organisations?active=all&limit=100", admin).json()->getArray("items");
  EXPECT_EQ(all->size(), 6u);
}

TEST_P(OrganisationsApiTest, ASiretIsUniqueAndSpacesAreAllowed) {
  const std::string admin = client().login("admin");
  const auto first = send("POST", "/api/v1/organisations",
                          R"({"kind":"company","name":"Usinage SAS","siret":"123 456 789 00015"})", admin);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()->getValue<std::string>("siret"), "12345678900015");
  const auto again = send("POST", "/api/v1/organisations",
                          R"({"kind":"company","name":"Usinage bis","siret":"12345678900015"})", admin);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.errorField(), "siret");
}

TEST_P(OrganisationsApiTest, ACoordinatorsCompanyWorksWithTheirCentreOnly) {
  const std::string centre = client().login("centre");
  const std::string centre_id = ownOrganisation(centre);
  const auto created = send("POST", "/api/v1/organisations",
                            R"({"kind":"company","name":"Forges de Vienne","siret":"12345678900015",
                                "address":"1 quai de la Forge\n38200 Vienne"})",
                            centre);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto company = created.json();
  ASSERT_EQ(company->getArray("centre_ids")->size(), 1u);
  EXPECT_EQ(company->getArray("centre_ids")->getElement<std::string>(0), centre_id);
  // A coordinator creates neither centres nor links to another centre.
  EXPECT_EQ(send("POST", "/api/v1/organisations", kNewCentre, centre).status, 403);
  const std::string centre2 = client().login("centre2");
  const auto foreign =
      send("POST", "/api/v1/organisations",
           R"({"kind":"company","name":"X","siret":"45219384700012","centre_ids":[")" + centre_id + R"("]})",
           centre2);
  EXPECT_EQ(foreign.status, 403) << foreign.body;
  // The second centre "creating" the same company (same SIRET) gets it, now working with both.
  const auto shared =
      send("POST", "/api/v1/organisations",
           R"({"kind":"company","name":"Forges de Vienne SA","siret":"12345678900015"})", centre2);
  ASSERT_EQ(shared.status, 200) << shared.body;
  EXPECT_EQ(shared.json()->getValue<std::string>("id"), company->getValue<std::string>("id"));
  EXPECT_EQ(shared.json()->getArray("centre_ids")->size(), 2u);
  // Now it works with another centre: the first cannot deactivate it, only leave it.
  const std::string path = "/api/v1/organisations/" + company->getValue<std::string>("id");
  EXPECT_EQ(send("PATCH", path, R"({"active":false})", centre).status, 403);
  const auto left = send("PATCH", path, R"({"centre_ids":[]})", centre);
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(left.json()->getArray("centre_ids")->size(), 1u);
  EXPECT_EQ(client().get(path, centre).status, 404);  // out of the first centre's sight now
}

TEST_P(OrganisationsApiTest, DeactivationClosesTheMembersSessionsAndHidesTheCompany) {
  const std::string admin = client().login("admin");
  const std::string tutor = client().login("entreprise");
  const std::string company = ownOrganisation(tutor);
  const auto deactivated = send("PATCH", "/api/v1/organisations/" + company, R"({"active":false})", admin);
  ASSERT_EQ(deactivated.status, 200) << deactivated.body;
  EXPECT_FALSE(deactivated.json()->getValue<bool>("active"));
  EXPECT_EQ(client().get("/api/v1/me", tutor).status, 401);
  EXPECT_EQ(client()
                .request("POST", "/api/v1/auth/login", R"({"login":"entreprise","password":"demo"})",
                         {{"Content-Type", "application/json"}})
                .status,
            401);
  const std::string centre = client().login("centre");
  const auto active = client().get("/api/v1/organisations?kind=company", centre).json()->getArray("items");
  EXPECT_EQ(active->size(), 0u);
  const auto all =
      client().get("/api/v1/organisations?kind=company&active=all", centre).json()->getArray("items");
  EXPECT_EQ(all->size(), 1u);
  // A deactivated company takes no new file.
  const auto file = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"employee","company_id":")" + company +
          R"(","candidate":{"given_name":"A","family_name":"B","email":"a@b.fr","birth_date":"1990-01-01"}})",
      centre);
  EXPECT_EQ(file.status, 400);
  EXPECT_EQ(file.errorField(), "company_id");
  ASSERT_EQ(send("PATCH", "/api/v1/organisations/" + company, R"({"active":true})", admin).status, 200);
  EXPECT_EQ(client().login("entreprise").empty(), false);
}

TEST_P(OrganisationsApiTest, ListsArePaginatedAndFiltered) {
  const std::string admin = client().login("admin");
  std::set<std::string> seen;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    const auto answer =
        client().get("/api/v1/organisations?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), admin);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto items = answer.json()->getArray("items");
    EXPECT_LE(items->size(), 2u);
    for (std::size_t i = 0; i < items->size(); ++i)
      seen.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    if (!answer.json()->has("next_cursor")) break;
    cursor = answer.json()->getValue<std::string>("next_cursor");
  }
  EXPECT_EQ(seen.size(), 6u);
  const auto found = client().get("/api/v1/organisations?q=hauts", admin).json()->getArray("items");
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(client().get("/api/v1/organisations?cursor=garbage", admin).errorField(), "cursor");
  EXPECT_EQ(client().get("/api/v1/organisations?limit=0", admin).errorField(), "limit");
  EXPECT_EQ(client().get("/api/v1/organisations?active=maybe", admin).errorField(), "active");
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganisationsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
