// Sessions kept briefly by authentication: found again without the database
// for a moment, but a logout, a deactivation or a new role applies to the
// very next request, on this instance and, through the database, another.

#include "auth/session_cache.h"

#include "auth_fixture.h"

namespace cqpm::testing {
namespace {

domain::Actor actorNamed(const std::string& login) {
  domain::Actor actor;
  actor.user_id = "id-" + login;
  actor.login = login;
  return actor;
}

TEST(SessionCacheTest, AKeptSessionIsFoundUntilItsTimeRunsOut) {
  MovingClock clock;
  auth::SessionCache cache(clock.clock(), std::chrono::seconds(2));
  EXPECT_FALSE(cache.find("hash-a"));
  cache.remember("hash-a", actorNamed("a"), cache.generation());
  ASSERT_TRUE(cache.find("hash-a"));
  EXPECT_EQ(cache.find("hash-a")->login, "a");
  clock.advance(Poco::Timespan(1, 900000));
  EXPECT_TRUE(cache.find("hash-a"));
  clock.advance(Poco::Timespan(0, 200000));
  EXPECT_FALSE(cache.find("hash-a"));
  EXPECT_EQ(cache.size(), 0U);  // an expired entry is dropped when met
}

TEST(SessionCacheTest, ForgettingDropsEverythingAndALookupThatRacedItIsNotKept) {
  MovingClock clock;
  auth::SessionCache cache(clock.clock());
  cache.remember("hash-a", actorNamed("a"), cache.generation());
  const auto read_at = cache.generation();  // a lookup starts reading the database...
  cache.forgetAll();                        // ...while a logout commits
  EXPECT_FALSE(cache.find("hash-a"));
  cache.remember("hash-b", actorNamed("b"), read_at);
  EXPECT_FALSE(cache.find("hash-b"));  // what it read may be the session before the logout
  cache.remember("hash-b", actorNamed("b"), cache.generation());
  EXPECT_TRUE(cache.find("hash-b"));
}

TEST(SessionCacheTest, ItNeverHoldsMoreThanItsCapacity) {
  MovingClock clock;
  auth::SessionCache cache(clock.clock(), std::chrono::seconds(2), 8);
  for (int i = 0; i < 50; ++i) {
    cache.remember("hash-" + std::to_string(i), actorNamed(std::to_string(i)), cache.generation());
    ASSERT_LE(cache.size(), 8U);
  }
  EXPECT_TRUE(cache.find("hash-49"));  // the newest is always kept
}

/// The same through AuthService over a real database: what the cache must not hide.
class KeptSessionsTest : public AuthTest {
 protected:
  void SetUp() override {
    AuthTest::SetUp();
    if (IsSkipped()) return;
    addUser("coord.kept");
    token_ = auth_->login("coord.kept", kPassword, "127.0.0.1").token;
    ASSERT_TRUE(auth_->authenticate(token_));  // kept from here on
  }
  std::string token_;
};

TEST_P(KeptSessionsTest, ALogoutRefusesTheTokenAtOnce) {
  auth_->logout(token_);
  EXPECT_FALSE(auth_->authenticate(token_));
}

TEST_P(KeptSessionsTest, ALogoutThroughAnotherServiceOnTheDatabaseRefusesTheTokenAtOnce) {
  const auto other = makeService(*db_);  // another instance's service on the same database
  other->logout(token_);
  EXPECT_FALSE(auth_->authenticate(token_));
}

TEST_P(KeptSessionsTest, ANewRoleAndADeactivationApplyToTheNextRequest) {
  changeUser("coord.kept", [](domain::UserAccount& user) { user.role = domain::Role::kEvaluator; });
  auto actor = auth_->authenticate(token_);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->role, domain::Role::kEvaluator);
  changeUser("coord.kept", [](domain::UserAccount& user) { user.active = false; });
  EXPECT_FALSE(auth_->authenticate(token_));
}

TEST_P(KeptSessionsTest, AnExpiredSessionIsRefusedEvenJustAfterItWasKept) {
  clock_.advance(Poco::Timespan(0, 12, 0, 0, 0));  // the session's 12 hours
  EXPECT_FALSE(auth_->authenticate(token_));
}

INSTANTIATE_TEST_SUITE_P(Backends, KeptSessionsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
