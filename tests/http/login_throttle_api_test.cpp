// The login throttles and the hashing cap through the real server: an
// attacker cannot keep an account's owner out, spraying one address is
// answered 429, the counts are shared with another instance on the same
// database (logins and certificate verifications alike), and git clients'
// HTTP Basic passwords go through the same hashing slots.

#include <Poco/Base64Encoder.h>

#include <filesystem>
#include <mutex>
#include <sstream>

#include "http/api_fixture.h"
#include "support/instance.h"

namespace cqpm::testing {
namespace {

constexpr const char* kAttacker = "203.0.113.7";
constexpr const char* kOwner = "198.51.100.20";

/// A real server trusting the loopback proxy (so X-Forwarded-For gives each
/// request's client address) on a clock the test moves, starting now.
class LoginThrottleApiTest : public ApiTest {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.configure = [this](app::ServerConfig& config) {
      config.http.trusted_proxies = http::TrustedProxies::parse("127.0.0.1");
      config.clock = [this] {
        std::lock_guard lock(clock_mutex_);
        return now_;
      };
    };
    server_ = std::make_unique<TestServer>(GetParam(), options);
    CQPM_REQUIRE_BACKEND(server_->database());
  }

  void advanceSeconds(int seconds) {
    std::lock_guard lock(clock_mutex_);
    now_ += Poco::Timespan(seconds, 0);
  }

  HttpAnswer login(const std::string& user, const std::string& password, const std::string& from,
                   const HttpClient& via) const {
    std::map<std::string, std::string> headers;
    if (!from.empty()) headers["X-Forwarded-For"] = from;
    return via.postJson("/api/v1/auth/login", R"({"login":")" + user + R"(","password":")" + password + "\"}",
                        "", headers);
  }
  HttpAnswer login(const std::string& user, const std::string& password, const std::string& from) const {
    return login(user, password, from, client());
  }

  std::mutex clock_mutex_;
  Poco::Timestamp now_;
};

TEST_P(LoginThrottleApiTest, TheOwnerLogsInShortlyAfterAnAttackFromAnotherAddress) {
  for (int guess = 0; guess < 10; ++guess) {
    auto answer = login("centre", "guess", kAttacker);
    if (answer.status == 429) {
      advanceSeconds(std::stoi(answer.headers.at("retry-after")));
      answer = login("centre", "guess", kAttacker);
    }
    ASSERT_EQ(answer.status, 401) << guess << ": " << answer.body;
  }
  // The account backs off whoever tries next...
  const auto elsewhere = login("centre", "guess", "192.0.2.99");
  EXPECT_EQ(elsewhere.status, 429);
  EXPECT_EQ(elsewhere.errorCode(), "rate_limited");
  // ...the owner included, but only for seconds.
  const auto owner = login("centre", "demo", kOwner);
  ASSERT_EQ(owner.status, 429) << owner.body;
  const int wait = std::stoi(owner.headers.at("retry-after"));
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 30);
  EXPECT_EQ(owner.json()->getObject("error")->getObject("details")->getValue<int>("retry_after"), wait);
  advanceSeconds(wait);
  EXPECT_EQ(login("centre", "demo", kOwner).status, 200);
}

TEST_P(LoginThrottleApiTest, SprayingOneAddressOverManyAccountsIsAnswered429) {
  int refused = 0;
  HttpAnswer last;
  for (int i = 0; i < 40; ++i) {
    last = login("candidat-" + std::to_string(i), "Motdepasse1", kAttacker);
    if (last.status == 429) ++refused;
    advanceSeconds(1);
  }
  EXPECT_EQ(refused, 10);
  EXPECT_EQ(last.status, 429);
  EXPECT_GT(std::stoi(last.headers.at("retry-after")), 14 * 60 - 60);
  // Other addresses are not slowed, nor the sprayed address once the quarter of an hour is over.
  EXPECT_EQ(login("candidat", "demo", kOwner).status, 200);
  advanceSeconds(15 * 60);
  EXPECT_EQ(login("candidat", "demo", kAttacker).status, 200);
}

TEST_P(LoginThrottleApiTest, AnotherInstanceOnTheSameDatabaseSharesTheThrottles) {
  const std::string folder = makeTempDir("cqpm-throttle-instance");
  {
    RunningInstance other(server_->database(), folder);  // the system clock; this test keeps ours at now
    // 30 failed logins from 127.0.0.1 on this instance: the other one refuses that address.
    for (int i = 0; i < 30; ++i) ASSERT_EQ(login("inconnu" + std::to_string(i), "x", "").status, 401) << i;
    auto there = login("centre", "demo", "", other.client());
    EXPECT_EQ(there.status, 429) << there.body;
    EXPECT_FALSE(there.headers["retry-after"].empty());
    // The same for certificate verification: 30 unknown codes here, refused there.
    for (int i = 0; i < 30; ++i)
      ASSERT_EQ(client().get("/api/v1/verify/AAAA-BBBB-CCC" + std::to_string(i % 10), "").status, 404) << i;
    auto verify = other.client().get("/api/v1/verify/AAAA-BBBB-CCCC", "");
    EXPECT_EQ(verify.status, 429) << verify.body;
    EXPECT_FALSE(verify.headers["retry-after"].empty());
  }
  std::filesystem::remove_all(folder);
}

TEST_P(LoginThrottleApiTest, WithEveryHashingSlotTakenLoginsAndGitClientsGet503WithRetryAfter) {
  auth::HashingSlots& slots = server_->server().auth().hasher().slots();
  std::vector<auth::HashingSlots::Slot> held;
  for (int i = 0; i < slots.slots(); ++i) held.push_back(slots.acquire());

  auto refused = login("centre", "demo", kOwner);
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.errorCode(), "unavailable");
  EXPECT_EQ(refused.headers["retry-after"], "1");
  std::ostringstream basic;
  Poco::Base64Encoder encoder(basic);
  encoder << "gtp-employeur:demo";
  encoder.close();
  const std::map<std::string, std::string> git_client{{"Authorization", "Basic " + basic.str()}};
  auto git = client().request("GET", "/git/referentials.git/info/refs", {}, git_client);
  EXPECT_EQ(git.status, 503) << git.body;
  EXPECT_EQ(git.headers["retry-after"], "1");

  held.clear();
  EXPECT_EQ(login("centre", "demo", kOwner).status, 200);
  EXPECT_EQ(client().request("GET", "/git/referentials.git/info/refs", {}, git_client).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginThrottleApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
