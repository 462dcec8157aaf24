#include "admin/admin_fixture.h"

// Accounts follow the files: one account per candidate, invited at the first file, reused within a centre,
// attached to another centre's file only once the candidate accepts.

namespace cqpm::testing {
namespace {

using CandidateAccountsTest = AdminTest;

std::string openFile(const HttpClient& client, const std::string& centre, const std::string& email,
                     const std::string& family = "Nguyen") {
  const auto answer = client.postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"vae","candidate":{"given_name":"Thi Lan","family_name":")" + family +
          R"(","email":")" + email + R"(","birth_date":"1992-07-03"}})",
      centre);
  EXPECT_EQ(answer.status, 201) << answer.body;
  return answer.json()->getValue<std::string>("id");
}

std::size_t visibleFiles(const HttpClient& client, const std::string& token) {
  return client.get("/api/v1/files?limit=100", token).json()->getArray("items")->size();
}

TEST_P(CandidateAccountsTest, TheFirstFileInvitesTheCandidateAndTheNextOnesOfTheCentreAreLinked) {
  const std::string centre = client().login("centre");
  const std::string first = openFile(client(), centre, "thi-lan.nguyen@exemple.fr");
  const std::string second = openFile(client(), centre, "Thi-Lan.Nguyen@exemple.fr");
  const auto accounts = client()
                            .get("/api/v1/users?role=candidate&q=nguyen", client().login("admin"))
                            .json()
                            ->getArray("items");
  ASSERT_EQ(accounts->size(), 1u);
  const auto account = accounts->getObject(0);
  EXPECT_EQ(account->getValue<std::string>("login"), "thi-lan.nguyen");
  EXPECT_EQ(account->getValue<std::string>("status"), "invited");
  EXPECT_EQ(account->getValue<std::string>("display_name"), "Thi Lan Nguyen");

  const std::string token = mailedToken("thi-lan.nguyen@exemple.fr");
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(send("POST", "/api/v1/auth/invitations/" + token, R"({"password":"Ma candidature au CQPM"})", "")
                .status,
            200);
  const std::string candidate = client().login("thi-lan.nguyen", "Ma candidature au CQPM");
  EXPECT_EQ(visibleFiles(client(), candidate), 2u);
  EXPECT_EQ(client().get("/api/v1/files/" + first, candidate).status, 200);
  EXPECT_EQ(client().get("/api/v1/files/" + second, candidate).status, 200);
}

TEST_P(CandidateAccountsTest, AnotherCentresFileIsAttachedOnlyOnceTheCandidateAccepts) {
  const std::string centre = client().login("centre");
  openFile(client(), centre, "piotr.kowalski@exemple.fr", "Kowalski");
  ASSERT_EQ(send("POST", "/api/v1/auth/invitations/" + mailedToken("piotr.kowalski@exemple.fr"),
                 R"({"password":"Mecanicien depuis 1985"})", "")
                .status,
            200);
  const std::string candidate = client().login("piotr.kowalski", "Mecanicien depuis 1985");
  ASSERT_EQ(visibleFiles(client(), candidate), 1u);

  const std::string other =
      openFile(client(), client().login("centre2"), "piotr.kowalski@exemple.fr", "Kowalski");
  EXPECT_EQ(visibleFiles(client(), candidate), 1u);  // not merged on the e-mail alone
  const std::string link = mailedToken("piotr.kowalski@exemple.fr", "/rattachement/");
  ASSERT_FALSE(link.empty());
  // Someone else's session cannot use the link.
  EXPECT_EQ(client().postJson("/api/v1/me/file-links/" + link, "", client().login("candidat")).status, 404);
  const auto accepted = client().postJson("/api/v1/me/file-links/" + link, "", candidate);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()->getValue<std::string>("file_id"), other);
  EXPECT_EQ(visibleFiles(client(), candidate), 2u);
  EXPECT_EQ(client().postJson("/api/v1/me/file-links/" + link, "", candidate).status, 410);
  // Still one account.
  EXPECT_EQ(
      client().get("/api/v1/users?q=kowalski", client().login("admin")).json()->getArray("items")->size(),
      1u);
}

TEST_P(CandidateAccountsTest, AStaffAddressIsNeverTurnedIntoACandidateAccount) {
  const std::string centre = client().login("centre");
  const std::string file = openFile(client(), centre, "evaluateur1@exemple.fr", "Girard");
  EXPECT_EQ(client()
                .get("/api/v1/users?q=girard&role=candidate", client().login("admin"))
                .json()
                ->getArray("items")
                ->size(),
            0u);
  EXPECT_EQ(client().get("/api/v1/files/" + file, client().login("evaluateur1")).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, CandidateAccountsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
