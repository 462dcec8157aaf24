#include "api_fixture.h"

namespace cqpm::testing {
namespace {

using AuthApiTest = ApiTest;

TEST_P(AuthApiTest, LoginReturnsATokenTheUserAndAnHttpOnlyCookie) {
  const auto answer = client().postJson("/api/v1/auth/login", R"({"login":"centre","password":"demo"})", "");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto body = answer.json();
  EXPECT_GE(body->getValue<std::string>("token").size(), 40u);
  const auto user = body->getObject("user");
  EXPECT_EQ(user->getValue<std::string>("login"), "centre");
  EXPECT_EQ(user->getValue<std::string>("role"), "centre_coordinator");
  EXPECT_EQ(user->getObject("organisation")->getValue<std::string>("kind"), "centre");
  const std::string cookie = answer.headers.at("set-cookie");
  EXPECT_NE(cookie.find("cqpm_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST_P(AuthApiTest, WrongPasswordAndUnknownLoginAnswerTheSame401) {
  const auto wrong = client().postJson("/api/v1/auth/login", R"({"login":"centre","password":"nope"})", "");
  const auto unknown = client().postJson("/api/v1/auth/login", R"({"login":"nobody","password":"nope"})", "");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.errorCode(), "unauthenticated");
  EXPECT_EQ(wrong.json()->getObject("error")->getValue<std::string>("message"),
            unknown.json()->getObject("error")->getValue<std::string>("message"));
}

TEST_P(AuthApiTest, RepeatedFailuresAreRateLimited) {
  HttpAnswer last;
  for (int i = 0; i < 11; ++i) {
    last = client().postJson("/api/v1/auth/login", R"({"login":"centre2","password":"guess"})", "");
  }
  EXPECT_EQ(last.status, 429);
  EXPECT_EQ(last.errorCode(), "rate_limited");
  EXPECT_FALSE(last.headers["retry-after"].empty());
  // Another account from the same address is not locked out by it.
  EXPECT_EQ(client().postJson("/api/v1/auth/login", R"({"login":"centre","password":"demo"})", "").status,
            200);
}

TEST_P(AuthApiTest, MeNeedsASessionAndAcceptsBearerOrCookie) {
  EXPECT_EQ(client().get("/api/v1/me", "").status, 401);
  EXPECT_EQ(client().get("/api/v1/me", "forged-token").status, 401);
  const std::string token = client().login("jury-salarie");
  const auto me = client().get("/api/v1/me", token);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()->getValue<std::string>("college"), "employee");
  const auto by_cookie = client().request("GET", "/api/v1/me", {}, {{"Cookie", "cqpm_session=" + token}});
  EXPECT_EQ(by_cookie.status, 200);
}

TEST_P(AuthApiTest, LogoutRevokesTheSession) {
  const std::string token = client().login("entreprise");
  EXPECT_EQ(client().postJson("/api/v1/auth/logout", "", token).status, 204);
  EXPECT_EQ(client().get("/api/v1/me", token).status, 401);
}

TEST_P(AuthApiTest, CookieAuthenticatedWritesNeedTheCsrfHeader) {
  const std::string token = client().login("centre");
  const std::string cookie = "cqpm_session=" + token;
  const auto refused = client().request("POST", "/api/v1/auth/logout", "", {{"Cookie", cookie}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.errorField(), "X-CQPM-CSRF");
  EXPECT_EQ(client().get("/api/v1/me", token).status, 200);  // nothing was done
  const auto accepted =
      client().request("POST", "/api/v1/auth/logout", "", {{"Cookie", cookie}, {"X-CQPM-CSRF", "1"}});
  EXPECT_EQ(accepted.status, 204);
}

TEST_P(AuthApiTest, LoginFieldsAreCheckedByName) {
  const auto missing = client().postJson("/api/v1/auth/login", R"({"login":"centre"})", "");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.errorField(), "password");
  const auto wrong_type = client().postJson("/api/v1/auth/login", R"({"login":42,"password":"x"})", "");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.errorField(), "login");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
