#include "api_fixture.h"

namespace cqpm::testing {
namespace {

using TenancyTest = ApiTest;

std::set<std::string> visibleIds(const HttpClient& client, const std::string& token) {
  std::set<std::string> ids;
  const auto items = client.get("/api/v1/files?limit=100", token).json()->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    ids.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
  }
  return ids;
}

/// The files of every jury session, as the GTP (which oversees them all) lists them.
std::set<std::string> filesBeforeAJury(const HttpClient& client, const std::string& gtp) {
  std::set<std::string> ids;
  const auto sessions = client.get("/api/v1/jury-sessions", gtp).json()->getArray("items");
  for (std::size_t i = 0; i < sessions->size(); ++i) {
    const std::string session = sessions->getObject(static_cast<unsigned>(i))->getValue<std::string>("id");
    const auto files = client.get("/api/v1/jury-sessions/" + session, gtp).json()->getArray("files");
    for (std::size_t j = 0; j < files->size(); ++j) {
      ids.insert(files->getObject(static_cast<unsigned>(j))->getValue<std::string>("id"));
    }
  }
  return ids;
}

TEST_P(TenancyTest, AnotherCentresFileDoesNotExistForCentre2) {
  const std::string centre = client().login("centre");
  const std::string centre2 = client().login("centre2");
  const auto file = createFile(centre, "Secret");
  const std::string id = file->getValue<std::string>("id");

  const auto read = client().get("/api/v1/files/" + id, centre2);
  EXPECT_EQ(read.status, 404);
  EXPECT_EQ(read.errorCode(), "not_found");
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/events", centre2).status, 404);
  EXPECT_EQ(fire(centre2, id, "register", 1).status, 404);
  EXPECT_EQ(fire(centre2, id, "register", 99).status, 404);  // not even a version hint
  EXPECT_FALSE(visibleIds(client(), centre2).count(id));
  EXPECT_TRUE(client().get("/api/v1/files?q=secret", centre2).json()->getArray("items")->size() == 0);
  EXPECT_EQ(client().get("/api/v1/files/" + id, centre).json()->getValue<int>("version"), 1);  // untouched
}

TEST_P(TenancyTest, EachRoleSeesItsOwnScope) {
  const std::string centre = client().login("centre");
  const auto centre_ids = visibleIds(client(), centre);
  const auto centre2_ids = visibleIds(client(), client().login("centre2"));
  const auto company_ids = visibleIds(client(), client().login("entreprise"));
  const auto candidate_ids = visibleIds(client(), client().login("candidat"));
  const auto admin_ids = visibleIds(client(), client().login("admin"));
  const std::string gtp = client().login("gtp-employeur");
  const auto gtp_ids = visibleIds(client(), gtp);

  EXPECT_EQ(centre_ids.size(), 8u);
  EXPECT_EQ(centre2_ids.size(), 3u);
  EXPECT_EQ(admin_ids.size(), centre_ids.size() + centre2_ids.size());
  // The GTP reads the files put before a jury, of every centre, and no other.
  EXPECT_FALSE(gtp_ids.empty());
  EXPECT_EQ(gtp_ids, filesBeforeAJury(client(), gtp));
  EXPECT_TRUE(visibleIds(client(), client().login("gtp-admin")).empty());
  ASSERT_EQ(candidate_ids.size(), 1u);
  const auto own = client().get("/api/v1/files/" + *candidate_ids.begin(), client().login("candidat")).json();
  EXPECT_EQ(own->getObject("candidate")->getValue<std::string>("family_name"), "Martin");
  // The company sees its candidates' files only, all of them in the centre's scope.
  EXPECT_FALSE(company_ids.empty());
  for (const auto& id : company_ids) {
    EXPECT_TRUE(centre_ids.count(id));
    const auto file = client().get("/api/v1/files/" + id, client().login("entreprise")).json();
    EXPECT_EQ(file->getObject("company")->getValue<std::string>("name"),
              "Mécanique de Précision du Rhône SAS");
  }
  for (const auto& id : centre_ids) {
    if (!company_ids.count(id))
      EXPECT_EQ(client().get("/api/v1/files/" + id, client().login("entreprise")).status, 404);
  }
}

TEST_P(TenancyTest, CompanyTutorFiresOnlyWhatItsRoleAllowsOnItsOwnFiles) {
  const std::string centre = client().login("centre");
  const std::string company = client().login("entreprise");
  const std::string id = createFile(centre)->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, id, "register", 1).status, 200);
  ASSERT_EQ(agreeModalities(centre, id, 2), 4);
  const auto file = client().get("/api/v1/files/" + id, company).json();
  const auto transitions = file->getArray("available_transitions");
  ASSERT_EQ(transitions->size(), 1u);
  EXPECT_EQ(transitions->getObject(0)->getValue<std::string>("id"), "submit_evidence");
  EXPECT_EQ(fire(company, id, "withdraw", 4, R"({"reason":"no"})").status, 403);
  uploadReport(company, id);
  EXPECT_EQ(fire(company, id, "submit_evidence", 4).status, 200);
}

TEST_P(TenancyTest, OrganisationsListIsScoped) {
  const auto for_centre =
      client().get("/api/v1/organisations", client().login("centre")).json()->getArray("items");
  const auto for_company =
      client().get("/api/v1/organisations", client().login("entreprise")).json()->getArray("items");
  EXPECT_GT(for_centre->size(), 1u);
  ASSERT_EQ(for_company->size(), 1u);
  EXPECT_EQ(for_company->getObject(0)->getValue<std::string>("kind"), "company");
}

INSTANTIATE_TEST_SUITE_P(Backends, TenancyTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
