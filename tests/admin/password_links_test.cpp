#include <Poco/Timespan.h>

#include "admin/admin_fixture.h"
#include "store/row_reader.h"

// One-time links (invitations, resets) and password changes: expiry, reuse, policy, no enumeration.

namespace cqpm::testing {
namespace {

using PasswordLinksTest = AdminTest;

std::string errorReason(const HttpAnswer& answer) {
  return answer.json()->getObject("error")->getObject("details")->getValue<std::string>("reason");
}

std::string errorRule(const HttpAnswer& answer) {
  return answer.json()->getObject("error")->getObject("details")->getValue<std::string>("rule");
}

TEST_P(PasswordLinksTest, ALinkExpiresAfter72HoursAndServesOnce) {
  const std::string centre = client().login("centre");
  ASSERT_EQ(createAccount(centre, "eval.expire", "evaluator", ownOrganisation(centre)).status, 201);
  ASSERT_EQ(createAccount(centre, "eval.once", "evaluator", ownOrganisation(centre)).status, 201);
  const std::string late = mailedToken("eval.expire@exemple.fr");
  const std::string once = mailedToken("eval.once@exemple.fr");
  advanceClock(Poco::Timespan(0, 71, 0, 0, 0));  // 71 hours
  const auto first_use =
      send("POST", "/api/v1/auth/invitations/" + once, R"({"password":"Soudure a l'arc 71h"})", "");
  ASSERT_EQ(first_use.status, 200) << first_use.body;
  const auto reused =
      send("POST", "/api/v1/auth/invitations/" + once, R"({"password":"Soudure a l'arc 72h"})", "");
  EXPECT_EQ(reused.status, 410);
  EXPECT_EQ(errorReason(reused), "used");
  advanceClock(Poco::Timespan(0, 1, 0, 1, 0));  // 72 hours and a second
  const auto expired =
      send("POST", "/api/v1/auth/invitations/" + late, R"({"password":"Soudure a l'arc 72h"})", "");
  EXPECT_EQ(expired.status, 410);
  EXPECT_EQ(errorReason(expired), "expired");
  EXPECT_EQ(expired.errorCode(), "gone");
  EXPECT_EQ(client().get("/api/v1/auth/invitations/not-a-token", "").status, 404);
  // An invitation is not a reset link, nor the other way round.
  EXPECT_EQ(client().get("/api/v1/auth/password-resets/" + late, "").status, 404);
}

TEST_P(PasswordLinksTest, ThePasswordPolicyNamesItsRule) {
  const std::string centre = client().login("centre");
  ASSERT_EQ(createAccount(centre, "eval.policy", "evaluator", ownOrganisation(centre)).status, 201);
  const std::string token = mailedToken("eval.policy@exemple.fr");
  const std::string path = "/api/v1/auth/invitations/" + token;
  for (const auto& [password, rule] : std::vector<std::pair<std::string, std::string>>{
           {"court", "too_short"},
           {"éàèùçâêîôû", "too_short"},  // 10 characters, 20 bytes
           {"Mon eval.policy a moi", "same_as_login"},
           {"MotDePasse123", "common"},
           {"azertyuiop123", "common"},
           {std::string(300, 'x'), "too_long"}}) {
    const auto refused = send("POST", path, R"({"password":")" + password + R"("})", "");
    EXPECT_EQ(refused.status, 422) << password << ": " << refused.body;
    EXPECT_EQ(refused.errorCode(), "password_policy");
    EXPECT_EQ(refused.errorField(), "password");
    EXPECT_EQ(errorRule(refused), rule) << password;
  }
  // The link survived the refusals.
  EXPECT_EQ(send("POST", path, R"({"password":"Presse plieuse hydraulique"})", "").status, 200);
}

TEST_P(PasswordLinksTest, AResetRequestAlwaysAnswers202AndMailsOnlyRealAccounts) {
  mailedToken("");  // the demo's own invitations go first
  const std::size_t before = sink_.messages().size();
  for (const char* who : {"personne", "inconnu@exemple.fr", "evaluateur2"}) {
    const auto answer =
        send("POST", "/api/v1/auth/password-resets", R"({"login_or_email":")" + std::string(who) + "\"}", "");
    EXPECT_EQ(answer.status, 202) << who;
    EXPECT_EQ(answer.body, "{}");
  }
  const std::string token = mailedToken("evaluateur2@exemple.fr", "/mot-de-passe/");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(sink_.messages().size(), before + 1);
  const std::string old_session = client().login("evaluateur2");
  ASSERT_EQ(send("POST", "/api/v1/auth/password-resets/" + token,
                 R"({"password":"Fraiseuse a commande numerique"})", "")
                .status,
            200);
  EXPECT_EQ(client().get("/api/v1/me", old_session).status, 401);  // a reset closes the old sessions
  EXPECT_FALSE(client().login("evaluateur2", "Fraiseuse a commande numerique").empty());
  // By e-mail too; the link is erased from the database once mailed.
  EXPECT_EQ(send("POST", "/api/v1/auth/password-resets", R"({"login_or_email":"EVALUATEUR1@exemple.fr"})", "")
                .status,
            202);
  EXPECT_FALSE(mailedToken("evaluateur1@exemple.fr", "/mot-de-passe/").empty());
  const auto bodies = server_->server().database().read([](store::SqlSession& sql) {
    std::string all;
    auto stmt = sql.statement("SELECT body FROM notifications WHERE kind = 'account_link'");
    store::forEachRow(stmt, [&](const store::RowReader& row) { all += row.text("body"); });
    return all;
  });
  EXPECT_EQ(bodies.find("hub.test"), std::string::npos) << bodies;
}

TEST_P(PasswordLinksTest, ResetRequestsAreRateLimited) {
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    const auto answer = send("POST", "/api/v1/auth/password-resets", R"({"login_or_email":"personne"})", "");
    if (answer.status == 429)
      ++limited;
    else
      EXPECT_EQ(answer.status, 202);
  }
  EXPECT_EQ(limited, 2);
  // At most three links an hour for one account, whatever the addresses.
  EXPECT_EQ(send("POST", "/api/v1/auth/password-resets", "{}", "").errorField(), "login_or_email");
}

TEST_P(PasswordLinksTest, ChangingOnesPasswordNeedsTheCurrentOneAndKeepsThisSession) {
  const std::string here = client().login("evaluateur1");
  const std::string elsewhere = client().login("evaluateur1");
  const auto wrong = send("POST", "/api/v1/me/password",
                          R"({"current_password":"nope","new_password":"Chaudronnerie lourde"})", here);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.errorField(), "current_password");
  const auto weak =
      send("POST", "/api/v1/me/password", R"({"current_password":"demo","new_password":"court"})", here);
  EXPECT_EQ(weak.errorField(), "new_password");
  ASSERT_EQ(send("POST", "/api/v1/me/password",
                 R"({"current_password":"demo","new_password":"Chaudronnerie lourde"})", here)
                .status,
            204);
  EXPECT_EQ(client().get("/api/v1/me", here).status, 200);
  EXPECT_EQ(client().get("/api/v1/me", elsewhere).status, 401);
  EXPECT_FALSE(client().login("evaluateur1", "Chaudronnerie lourde").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PasswordLinksTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
