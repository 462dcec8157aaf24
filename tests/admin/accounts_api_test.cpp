#include "admin/admin_fixture.h"

// Accounts through the API: who may create whom, invitations, changes and deactivation.

namespace cqpm::testing {
namespace {

using AccountsApiTest = AdminTest;

TEST_P(AccountsApiTest, ACoordinatorCreatesAnEvaluatorWhoSetsAPasswordFromTheMailedLink) {
  const std::string centre = client().login("centre");
  const auto created = createAccount(centre, "eval.dupont", "evaluator", ownOrganisation(centre));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto user = created.json()->getObject("user");
  EXPECT_EQ(user->getValue<std::string>("status"), "invited");
  EXPECT_FALSE(user->getValue<bool>("password_set"));
  EXPECT_EQ(created.json()->getObject("invitation")->getValue<std::string>("delivery"), "email");
  EXPECT_EQ(created.body.find("hub.test"),
            std::string::npos);  // the link goes to the person, not the creator

  const std::string token = mailedToken("eval.dupont@exemple.fr");
  ASSERT_FALSE(token.empty());
  const auto holder = client().get("/api/v1/auth/invitations/" + token, "");
  ASSERT_EQ(holder.status, 200) << holder.body;
  EXPECT_EQ(holder.json()->getValue<std::string>("login"), "eval.dupont");
  const auto set =
      send("POST", "/api/v1/auth/invitations/" + token, R"({"password":"Rivets et boulons 42"})", "");
  ASSERT_EQ(set.status, 200) << set.body;
  const std::string session = client().login("eval.dupont", "Rivets et boulons 42");
  EXPECT_EQ(client().get("/api/v1/me", session).json()->getValue<std::string>("role"), "evaluator");
  EXPECT_EQ(client()
                .get("/api/v1/users/" + user->getValue<std::string>("id"), centre)
                .json()
                ->getValue<std::string>("status"),
            "active");
}

TEST_P(AccountsApiTest, WhoMayCreateWhomFollowsThePolicy) {
  const std::string centre = client().login("centre");
  const std::string centre_id = ownOrganisation(centre);
  const std::string centre2_id = ownOrganisation(client().login("centre2"));
  const std::string company_id = ownOrganisation(client().login("entreprise"));
  const std::string gtp_id = ownOrganisation(client().login("gtp-employeur"));
  // Within its centre and the companies working with it.
  EXPECT_EQ(createAccount(centre, "jury.a", "jury_member", centre_id, "employer").status, 201);
  EXPECT_EQ(createAccount(centre, "tuteur.b", "company_tutor", company_id).status, 201);
  EXPECT_EQ(createAccount(centre, "cand.c", "candidate", centre_id).status, 201);
  // Not another coordinator, not an auditor, not in another centre (404: it does not see it).
  EXPECT_EQ(createAccount(centre, "coord.d", "centre_coordinator", centre_id).status, 403);
  EXPECT_EQ(createAccount(centre, "gtp.e", "gtp_auditor", gtp_id, "employee").status, 404);
  EXPECT_EQ(createAccount(centre, "eval.f", "evaluator", centre2_id).status, 404);
  // A role in the wrong kind of organisation, a college missing or out of place.
  EXPECT_EQ(createAccount(centre, "eval.g", "evaluator", company_id).errorField(), "organisation_id");
  EXPECT_EQ(createAccount(centre, "jury.h", "jury_member", centre_id).errorField(), "college");
  EXPECT_EQ(createAccount(centre, "eval.i", "evaluator", centre_id, "employer").errorField(), "college");
  // The GTP's administrator creates auditors, and nothing else.
  const std::string gtp_admin = client().login("gtp-admin");
  EXPECT_EQ(createAccount(gtp_admin, "gtp.j", "gtp_auditor", gtp_id, "employee").status, 201);
  EXPECT_EQ(createAccount(gtp_admin, "gtp.k", "gtp_admin", gtp_id).status, 403);
  // Roles that administer nobody.
  for (const char* login : {"entreprise", "evaluateur1", "candidat", "jury-employeur", "gtp-employeur"}) {
    const auto refused =
        createAccount(client().login(login), std::string("x.") + login, "candidate", centre_id);
    EXPECT_TRUE(refused.status == 403 || refused.status == 404) << login << ": " << refused.body;
    EXPECT_EQ(client().get("/api/v1/users", client().login(login)).status, 403) << login;
  }
  // The administrator creates anyone anywhere.
  const std::string admin = client().login("admin");
  EXPECT_EQ(createAccount(admin, "coord.l", "centre_coordinator", centre2_id).status, 201);
}

TEST_P(AccountsApiTest, BadFieldsAndDuplicatesAreNamed) {
  const std::string centre = client().login("centre");
  const std::string centre_id = ownOrganisation(centre);
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"display_name":"A","email":"a@exemple.fr","role":"evaluator","organisation_id":")" + centre_id +
           "\"}",
       "login"},
      {R"({"login":"A B","display_name":"A","email":"a@exemple.fr","role":"evaluator","organisation_id":")" +
           centre_id + "\"}",
       "login"},
      {R"({"login":"ab.c","display_name":"A","email":"not-an-address","role":"evaluator","organisation_id":")" +
           centre_id + "\"}",
       "email"},
      {R"({"login":"ab.c","display_name":"A\u0000B","email":"a@exemple.fr","role":"evaluator","organisation_id":")" +
           centre_id + "\"}",
       "display_name"},
      {R"({"login":"ab.c","display_name":"A","email":"a@exemple.fr","role":"wizard","organisation_id":")" +
           centre_id + "\"}",
       "role"},
      {R"({"login":"ab.c","display_name":"A","email":"a@exemple.fr","role":"evaluator"})", "organisation_id"},
  };
  for (const auto& [body, field] : cases) {
    const auto answer = send("POST", "/api/v1/users", body, centre);
    EXPECT_EQ(answer.status, 400) << body << " -> " << answer.body;
    EXPECT_EQ(answer.errorField(), field) << body;
  }
  const auto taken_login = createAccount(centre, "evaluateur1", "evaluator", centre_id);
  EXPECT_EQ(taken_login.status, 409);
  EXPECT_EQ(taken_login.errorField(), "login");
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("login", "eval.new");
  body->set("display_name", "Nouvel évaluateur");
  body->set("email", "EVALUATEUR1@exemple.fr");  // e-mails compare without case
  body->set("role", "evaluator");
  body->set("organisation_id", centre_id);
  const auto taken_email = send("POST", "/api/v1/users", toJsonText(body), centre);
  EXPECT_EQ(taken_email.status, 409);
  EXPECT_EQ(taken_email.errorField(), "email");
  EXPECT_EQ(client().get("/api/v1/users?q=eval.new", centre).json()->getArray("items")->size(), 0u);
}

TEST_P(AccountsApiTest, DeactivationRevokesEverySessionAtOnceAndIsLogged) {
  const std::string centre = client().login("centre");
  const std::string first = client().login("evaluateur1");
  const std::string second = client().login("evaluateur1");
  const std::string id = client().get("/api/v1/me", first).json()->getValue<std::string>("id");
  const auto off =
      send("POST", "/api/v1/users/" + id + "/deactivation", R"({"reason":"Départ du centre"})", centre);
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json()->getValue<std::string>("status"), "inactive");
  EXPECT_EQ(client().get("/api/v1/me", first).status, 401);
  EXPECT_EQ(client().get("/api/v1/me", second).status, 401);
  // Nobody deactivates themselves.
  const std::string self = client().get("/api/v1/me", centre).json()->getValue<std::string>("id");
  EXPECT_EQ(send("POST", "/api/v1/users/" + self + "/deactivation", "{}", centre).status, 403);
  const auto log = client().get("/api/v1/admin/log", centre).json()->getArray("items");
  ASSERT_GE(log->size(), 1u);
  EXPECT_EQ(log->getObject(0)->getValue<std::string>("action"), "user_deactivated");
  EXPECT_EQ(log->getObject(0)->getObject("details")->getValue<std::string>("reason"), "Départ du centre");
  ASSERT_EQ(send("POST", "/api/v1/users/" + id + "/reactivation", "", centre).status, 200);
  EXPECT_FALSE(client().login("evaluateur1").empty());
}

TEST_P(AccountsApiTest, ARoleChangeIsAnAuditedEventAndForeignAccountsAre404) {
  const std::string admin = client().login("admin");
  const std::string jury = client().login("jury-employeur");
  const std::string id = client().get("/api/v1/me", jury).json()->getValue<std::string>("id");
  const auto changed = send("PATCH", "/api/v1/users/" + id, R"({"college":"employee"})", admin);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()->getValue<std::string>("college"), "employee");
  const auto entry = client().get("/api/v1/admin/log?limit=1", admin).json()->getArray("items")->getObject(0);
  EXPECT_EQ(entry->getValue<std::string>("action"), "role_changed");
  EXPECT_EQ(entry->getObject("details")->getObject("before")->getValue<std::string>("college"), "employer");
  // The other centre neither reads nor changes the first centre's accounts.
  const std::string centre2 = client().login("centre2");
  EXPECT_EQ(client().get("/api/v1/users/" + id, centre2).status, 404);
  EXPECT_EQ(send("PATCH", "/api/v1/users/" + id, R"({"display_name":"X"})", centre2).status, 404);
  EXPECT_EQ(send("POST", "/api/v1/users/" + id + "/deactivation", "{}", centre2).status, 404);
  // Its coordinator lists only its own centre's and partner companies' accounts.
  const auto listed = client().get("/api/v1/users?limit=100", centre2).json()->getArray("items");
  for (std::size_t i = 0; i < listed->size(); ++i) {
    const auto org = listed->getObject(static_cast<unsigned>(i))->getObject("organisation");
    EXPECT_NE(org->getValue<std::string>("name"), "Centre de certification UIMM Rhône-Alpes");
  }
  // Filters.
  const auto evaluators = client().get("/api/v1/users?role=evaluator", admin).json()->getArray("items");
  EXPECT_EQ(evaluators->size(), 2u);
  EXPECT_EQ(client().get("/api/v1/users?status=sleeping", admin).errorField(), "status");
}

TEST_P(AccountsApiTest, ReInvitingReplacesTheOldLink) {
  const std::string centre = client().login("centre");
  const auto created = createAccount(centre, "eval.relance", "evaluator", ownOrganisation(centre));
  ASSERT_EQ(created.status, 201);
  const std::string first = mailedToken("eval.relance@exemple.fr");
  const std::string id = created.json()->getObject("user")->getValue<std::string>("id");
  const auto again = send("POST", "/api/v1/users/" + id + "/invitation", "", centre);
  ASSERT_EQ(again.status, 202) << again.body;
  const std::string second = mailedToken("eval.relance@exemple.fr");
  ASSERT_NE(first, second);
  const auto old = client().get("/api/v1/auth/invitations/" + first, "");
  EXPECT_EQ(old.status, 410);
  EXPECT_EQ(old.json()->getObject("error")->getObject("details")->getValue<std::string>("reason"), "revoked");
  EXPECT_EQ(client().get("/api/v1/auth/invitations/" + second, "").status, 200);
  // An account with a password is not invited again.
  EXPECT_EQ(
      send("POST", "/api/v1/auth/invitations/" + second, R"({"password":"Tolerie fine 2026"})", "").status,
      200);
  EXPECT_EQ(send("POST", "/api/v1/users/" + id + "/invitation", "", centre).status, 409);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
