// Logging in through an organisation's OpenID provider, end to end over real
// HTTP: the server sends the browser to a provider the test starts on
// loopback, which signs in whoever the test says and sends it back. A
// session opens only for the organisation's account with the e-mail the
// provider asserts verified; every other answer goes back to the login page
// naming what failed.

#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "http/api_fixture.h"
#include "support/oidc_test_provider.h"

namespace cqpm::testing {
namespace {

const std::string kClientId = "cqpm-hub-rhone-alpes";
const std::string kClientSecret = "s3cret with spaces & symbols:é";

class SsoLoginApiTest : public ApiTest {
 protected:
  /// The server's clock, which a test may move on (the demo's snapshot serves: it starts at now).
  TestServerOptions serverOptions() const override {
    TestServerOptions options;
    options.configure = [offset = offset_](app::ServerConfig& config) {
      config.clock = [offset] { return Poco::Timestamp() + offset->load(); };
    };
    options.configure_keeps_seed = true;
    return options;
  }
  void minutesLater(int minutes) {
    *offset_ += static_cast<Poco::Timestamp::TimeDiff>(minutes) * 60 * 1000000;
  }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    provider_ = std::make_unique<OidcTestProvider>(kClientId, kClientSecret);
    admin_ = client().login("admin");
    centre_ = client().login("centre");
    centre_id_ =
        client().get("/api/v1/me", centre_).json()->getObject("organisation")->getValue<std::string>("id");
  }

  HttpAnswer configure(const std::string& organisation_id, const std::string& issuer,
                       const std::string& secret = kClientSecret, const std::string& token = "") {
    const std::string body = R"({"issuer":")" + issuer + R"(","client_id":")" + kClientId +
                             R"(","client_secret":")" + secret + R"("})";
    return client().request("PUT", "/api/v1/organisations/" + organisation_id + "/sso", body,
                            {{"Authorization", "Bearer " + (token.empty() ? admin_ : token)},
                             {"Content-Type", "application/json"},
                             {"X-CQPM-CSRF", "1"}});
  }

  /// Follows the login as a browser would: our start, the provider, our callback.
  /// Answers the callback's answer.
  HttpAnswer logInThroughProvider(const std::string& organisation_id) {
    const HttpAnswer start = client().get("/api/v1/auth/sso/" + organisation_id + "/start", "");
    EXPECT_EQ(start.status, 302) << start.body;
    const Poco::URI to_provider(start.headers.at("location"));
    EXPECT_EQ(to_provider.getPort(), provider_->port());
    last_redirect_uri_ = queryOf(start.headers.at("location"))["redirect_uri"];
    const HttpAnswer at_provider =
        HttpClient(provider_->port()).request("GET", to_provider.getPathAndQuery());
    EXPECT_EQ(at_provider.status, 302) << at_provider.body;
    const Poco::URI back(at_provider.headers.at("location"));
    EXPECT_EQ(back.getPath(), "/api/v1/auth/sso/callback");
    last_callback_ = back.getPathAndQuery();
    return client().request("GET", last_callback_);
  }

  static std::string sessionOf(const HttpAnswer& answer) {
    const std::string cookie = answer.headers.count("set-cookie") ? answer.headers.at("set-cookie") : "";
    const std::string prefix = "cqpm_session=";
    if (cookie.rfind(prefix, 0) != 0) return {};
    return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  }

  std::shared_ptr<std::atomic<Poco::Timestamp::TimeDiff>> offset_ =
      std::make_shared<std::atomic<Poco::Timestamp::TimeDiff>>(0);
  std::unique_ptr<OidcTestProvider> provider_;
  std::string admin_;
  std::string centre_;
  std::string centre_id_;
  std::string last_callback_;
  std::string last_redirect_uri_;  ///< the redirect_uri the server sent the provider
};

TEST_P(SsoLoginApiTest, TheCoordinatorLogsInThroughTheCentresProviderWithTheirVerifiedEmail) {
  const HttpAnswer set = configure(centre_id_, provider_->issuer());
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()->getValue<std::string>("issuer"), provider_->issuer());
  EXPECT_EQ(set.body.find("s3cret"), std::string::npos);  // the secret never comes back

  const HttpAnswer choices = client().get("/api/v1/auth/sso", "");
  ASSERT_EQ(choices.status, 200);
  const auto items = choices.json()->getArray("items");
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("organisation_name"),
            "Centre de certification UIMM Rhône-Alpes");

  provider_->signIn("CENTRE@exemple.fr", true);  // letter case aside
  const HttpAnswer back = logInThroughProvider(centre_id_);
  ASSERT_EQ(back.status, 302) << back.body;
  EXPECT_EQ(back.headers.at("location"), "/");
  const std::string session = sessionOf(back);
  ASSERT_FALSE(session.empty());
  const HttpAnswer me = client().get("/api/v1/me", session);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()->getValue<std::string>("login"), "centre");
  EXPECT_EQ(provider_->redeemed(), 1);

  // The same answer from the provider again (a replayed redirect) opens nothing.
  const HttpAnswer replay = client().request("GET", last_callback_);
  EXPECT_EQ(replay.status, 302);
  EXPECT_EQ(replay.headers.at("location"), "/connexion?sso=state");
  EXPECT_TRUE(sessionOf(replay).empty());
}

TEST_P(SsoLoginApiTest, LoggingOutOfASessionTheProviderOpenedSendsTheBrowserToEndItsSessionToo) {
  ASSERT_EQ(configure(centre_id_, provider_->issuer()).status, 200);
  provider_->signIn("centre@exemple.fr", true);
  const HttpAnswer back = logInThroughProvider(centre_id_);
  ASSERT_EQ(back.status, 302) << back.body;
  const std::string session = sessionOf(back);
  ASSERT_FALSE(session.empty());
  // Where the provider sends the browser back after a login, and so where it goes after a logout.
  const std::string callback = "/api/v1/auth/sso/callback";
  std::string base = last_redirect_uri_;
  ASSERT_NE(base.find(callback), std::string::npos) << base;
  base.erase(base.find(callback));

  const HttpAnswer out =
      client().request("POST", "/api/v1/auth/logout", "", {{"Authorization", "Bearer " + session}});
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(out.headers.at("set-cookie").rfind("cqpm_session=;", 0), 0u) << out.headers.at("set-cookie");
  const Poco::URI to_provider(out.json()->getValue<std::string>("provider_logout_url"));
  EXPECT_EQ(to_provider.getPort(), provider_->port());
  EXPECT_EQ(to_provider.getPath(), "/logout");
  std::map<std::string, std::string> query = queryOf(to_provider.toString());
  EXPECT_EQ(query["client_id"], kClientId);
  EXPECT_EQ(query["post_logout_redirect_uri"], base + "/connexion");
  EXPECT_EQ(client().get("/api/v1/me", session).status, 401);  // closed here before the provider is asked

  // The browser follows it: the provider forgets who it signed in and sends it to the login page.
  const HttpAnswer at_provider = HttpClient(provider_->port()).request("GET", to_provider.getPathAndQuery());
  EXPECT_EQ(at_provider.status, 302);
  EXPECT_EQ(at_provider.headers.at("location"), base + "/connexion");
  EXPECT_FALSE(provider_->signedIn());
  ASSERT_EQ(provider_->logouts().size(), 1u);

  // A password session's logout has nothing to say of any provider.
  const std::string password_session = client().login("centre");
  const HttpAnswer plain =
      client().request("POST", "/api/v1/auth/logout", "", {{"Authorization", "Bearer " + password_session}});
  EXPECT_EQ(plain.status, 204) << plain.body;
  EXPECT_TRUE(plain.body.empty());

  // Nor does a session of a provider that offers no end-session endpoint (set again: read again).
  provider_->offerLogout(false);
  ASSERT_EQ(configure(centre_id_, provider_->issuer()).status, 200);
  provider_->signIn("centre@exemple.fr", true);
  const std::string second = sessionOf(logInThroughProvider(centre_id_));
  ASSERT_FALSE(second.empty());
  const HttpAnswer unoffered =
      client().request("POST", "/api/v1/auth/logout", "", {{"Authorization", "Bearer " + second}});
  EXPECT_EQ(unoffered.status, 204) << unoffered.body;
  EXPECT_EQ(client().get("/api/v1/me", second).status, 401);
  EXPECT_EQ(provider_->logouts().size(), 1u);
}

TEST_P(SsoLoginApiTest, TheProviderIsReadOnceBetweenLoginsAndItsNewKeysAreFollowed) {
  ASSERT_EQ(configure(centre_id_, provider_->issuer()).status, 200);
  EXPECT_EQ(provider_->discoveries(), 1);  // read when set, to refuse a bad one at once
  provider_->signIn("centre@exemple.fr", true);
  for (int login = 0; login < 2; ++login) {
    const HttpAnswer back = logInThroughProvider(centre_id_);
    EXPECT_EQ(back.headers.at("location"), "/") << login;
  }
  EXPECT_EQ(provider_->discoveries(), 1);  // kept between logins
  EXPECT_EQ(provider_->keySetReads(), 1);

  // The provider rotates its key: tokens signed with the new one are refused while the kept keys were
  // read less than a minute ago (no stream of bad tokens makes the server hammer the provider), then
  // the keys are read again and the login goes through.
  provider_->rotateKey();
  EXPECT_EQ(logInThroughProvider(centre_id_).headers.at("location"), "/connexion?sso=id_token");
  EXPECT_EQ(provider_->keySetReads(), 1);
  minutesLater(2);
  const HttpAnswer rotated = logInThroughProvider(centre_id_);
  EXPECT_EQ(rotated.headers.at("location"), "/");
  EXPECT_FALSE(sessionOf(rotated).empty());
  EXPECT_EQ(provider_->keySetReads(), 2);

  // An hour later the discovery document is read again when a login starts (the provider's tokens,
  // stamped with its own clock, would look expired to a server an hour ahead: the login stops there).
  EXPECT_EQ(provider_->discoveries(), 1);
  minutesLater(61);
  EXPECT_EQ(client().get("/api/v1/auth/sso/" + centre_id_ + "/start", "").status, 302);
  EXPECT_EQ(provider_->discoveries(), 2);
}

TEST_P(SsoLoginApiTest, NoSessionWithoutAVerifiedEmailOfAnAccountOfTheOrganisation) {
  ASSERT_EQ(configure(centre_id_, provider_->issuer()).status, 200);
  struct Case {
    std::string email;
    bool verified;
  };
  for (const Case& attempt : {Case{"centre@exemple.fr", false},    // asserted, not verified
                              Case{"centre2@exemple.fr", true},    // another centre's coordinator
                              Case{"nobody@exemple.fr", true}}) {  // no account
    provider_->signIn(attempt.email, attempt.verified);
    const HttpAnswer back = logInThroughProvider(centre_id_);
    EXPECT_EQ(back.headers.at("location"), "/connexion?sso=email") << attempt.email;
    EXPECT_TRUE(sessionOf(back).empty()) << attempt.email;
  }
}

TEST_P(SsoLoginApiTest, AForgedStateAReplayedNonceOrAWrongSecretOpenNothing) {
  ASSERT_EQ(configure(centre_id_, provider_->issuer()).status, 200);
  provider_->signIn("centre@exemple.fr", true);
  const HttpAnswer forged = client().request("GET", "/api/v1/auth/sso/callback?state=made-up&code=code-1");
  EXPECT_EQ(forged.headers.at("location"), "/connexion?sso=state");
  const HttpAnswer denied = client().request("GET", "/api/v1/auth/sso/callback?error=access_denied&state=x");
  EXPECT_EQ(denied.headers.at("location"), "/connexion?sso=refused");

  provider_->sendWrongNonceOnce();
  EXPECT_EQ(logInThroughProvider(centre_id_).headers.at("location"), "/connexion?sso=id_token");

  ASSERT_EQ(configure(centre_id_, provider_->issuer(), "not the secret").status, 200);
  EXPECT_EQ(logInThroughProvider(centre_id_).headers.at("location"), "/connexion?sso=code");
  EXPECT_GE(provider_->refused(), 1);
}

TEST_P(SsoLoginApiTest, OnlyThePlatformAdministratorSetsAProviderAndABadOneIsRefusedNamingTheField) {
  EXPECT_EQ(configure(centre_id_, provider_->issuer(), kClientSecret, centre_).status, 403);
  const HttpAnswer plain = configure(centre_id_, "http://sso.example.org");
  EXPECT_EQ(plain.status, 400);
  EXPECT_EQ(plain.errorField(), "issuer");
  EXPECT_EQ(configure("00000000-0000-0000-0000-000000000000", provider_->issuer()).status, 404);
  const HttpAnswer wrong_issuer = configure(centre_id_, provider_->issuer() + "/other");
  EXPECT_EQ(wrong_issuer.status, 503) << wrong_issuer.body;  // no discovery document there
  const HttpAnswer missing = client().request(
      "PUT", "/api/v1/organisations/" + centre_id_ + "/sso", R"({"issuer":")" + provider_->issuer() + R"("})",
      {{"Authorization", "Bearer " + admin_}, {"Content-Type", "application/json"}, {"X-CQPM-CSRF", "1"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.errorField(), "client_id");
  EXPECT_EQ(client().get("/api/v1/auth/sso", "").json()->getArray("items")->size(), 0u);

  ASSERT_EQ(configure(centre_id_, provider_->issuer()).status, 200);
  EXPECT_EQ(client().get("/api/v1/organisations/" + centre_id_ + "/sso", admin_).status, 200);
  const HttpAnswer removed = client().request("DELETE", "/api/v1/organisations/" + centre_id_ + "/sso", "",
                                              {{"Authorization", "Bearer " + admin_}, {"X-CQPM-CSRF", "1"}});
  EXPECT_EQ(removed.status, 204);
  EXPECT_EQ(client().get("/api/v1/auth/sso/" + centre_id_ + "/start", "").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, SsoLoginApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
