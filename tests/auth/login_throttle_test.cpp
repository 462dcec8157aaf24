// The login throttles over a real database: per account a back-off that
// follows the account from any address but never keeps its owner out for
// long, per address a budget that stops spraying, both shared by every
// instance on the database.

#include "auth_fixture.h"
#include "scheduler/housekeeping.h"
#include "store/throttle_store.h"

namespace cqpm::testing {
namespace {

using LoginThrottleTest = AuthTest;

constexpr const char* kAttacker = "203.0.113.7";
constexpr const char* kOwner = "198.51.100.20";

TEST_P(LoginThrottleTest, TheOwnerLogsInShortlyAfterTenWrongPasswordsFromAnotherAddress) {
  addUser("coord.lyon");
  // The attacker makes ten real guesses, each as soon as the throttle lets it.
  for (int guess = 0; guess < 10; ++guess) {
    int wait = 0;
    auto refused = attempt("coord.lyon", "guess" + std::to_string(guess), kAttacker, &wait);
    if (refused == ErrorCode::kRateLimited) {
      clock_.advanceSeconds(wait);
      refused = attempt("coord.lyon", "guess" + std::to_string(guess), kAttacker, &wait);
    }
    ASSERT_EQ(refused, ErrorCode::kUnauthenticated) << "guess " << guess;
  }
  // The back-off follows the account, whichever address the next guess comes from...
  int wait = 0;
  EXPECT_EQ(attempt("coord.lyon", "another guess", "192.0.2.99", &wait), ErrorCode::kRateLimited);
  // ...and the owner, from their own address, waits at most 30 s.
  int owner_wait = 0;
  EXPECT_EQ(attempt("coord.lyon", kPassword, kOwner, &owner_wait), ErrorCode::kRateLimited);
  EXPECT_GT(owner_wait, 0);
  EXPECT_LE(owner_wait, 30);
  clock_.advanceSeconds(owner_wait);
  EXPECT_EQ(attempt("coord.lyon", kPassword, kOwner), std::nullopt);
}

TEST_P(LoginThrottleTest, AttemptsRefusedWhileWaitingDoNotStretchTheWait) {
  addUser("coord.lyon");
  for (int guess = 0; guess < 5; ++guess)
    ASSERT_EQ(attempt("coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated);
  int wait = 0;
  // Hammering while refused: a thousand attempts, none checked, none counted.
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(attempt("coord.lyon", "wrong", kAttacker, &wait), ErrorCode::kRateLimited);
  }
  EXPECT_EQ(wait, 1);
  clock_.advanceSeconds(1);
  EXPECT_EQ(attempt("coord.lyon", kPassword, kOwner), std::nullopt);
}

TEST_P(LoginThrottleTest, TheWaitGrowsWithConsecutiveFailuresUpToThirtySeconds) {
  addUser("coord.lyon");
  const auth::Throttle account(*db_, clock_.clock(), auth::loginAccountPolicy());
  std::vector<int> waits;
  for (int guess = 0; guess < 12; ++guess) {
    ASSERT_EQ(attempt("coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated) << guess;
    waits.push_back(account.retryAfterSeconds("coord.lyon"));
    clock_.advanceSeconds(waits.back());
  }
  // Five free failures, then 1 s after the fifth, doubling, capped at 30 s.
  EXPECT_EQ(waits, (std::vector<int>{0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30}));
}

TEST_P(LoginThrottleTest, ASuccessFromAnywhereForgetsTheAccountsFailures) {
  addUser("coord.lyon");
  for (int guess = 0; guess < 5; ++guess)
    ASSERT_EQ(attempt("coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated);
  clock_.advanceSeconds(1);
  ASSERT_EQ(attempt("coord.lyon", kPassword, kOwner), std::nullopt);
  // Five more failures are free again.
  for (int guess = 0; guess < 4; ++guess)
    EXPECT_EQ(attempt("coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated) << guess;
}

TEST_P(LoginThrottleTest, SprayingOneAddressOverThirtyAccountsIsRefused) {
  for (int i = 0; i < 30; ++i) addUser("candidat" + std::to_string(i));
  int refused = 0, last_wait = 0;
  // Two guesses per account, one second apart: never enough to trip an account's back-off.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 30; ++i) {
      const auto answer = attempt("candidat" + std::to_string(i), "Motdepasse1", kAttacker, &last_wait);
      if (answer == ErrorCode::kRateLimited) ++refused;
      clock_.advanceSeconds(1);
    }
  }
  EXPECT_EQ(refused, 30);              // the 31st failure of the quarter of an hour and every later one
  EXPECT_GT(last_wait, 14 * 60 - 60);  // until the end of the 15 minutes
  EXPECT_LE(last_wait, 15 * 60);
  // Everyone else still logs in, including the sprayed accounts' owners.
  EXPECT_EQ(attempt("candidat3", kPassword, kOwner), std::nullopt);
  clock_.advanceSeconds(last_wait);
  EXPECT_EQ(attempt("candidat4", kPassword, kAttacker), std::nullopt);
}

TEST_P(LoginThrottleTest, UnknownLoginsAreThrottledLikeKnownOnes) {
  addUser("coord.lyon");
  std::vector<std::optional<ErrorCode>> known, unknown;
  for (int guess = 0; guess < 6; ++guess) {
    known.push_back(attempt("coord.lyon", "wrong", kAttacker));
    unknown.push_back(attempt("personne", "wrong", kAttacker));
  }
  EXPECT_EQ(known, unknown);
  EXPECT_EQ(known.back(), ErrorCode::kRateLimited);
}

TEST_P(LoginThrottleTest, TwoInstancesOnOneDatabaseShareTheThrottle) {
  addUser("coord.lyon");
  // Another instance: its own connections to the same database, its own service.
  const auto other_db = store::Database::open(database_->databaseUrl());
  const auto other = makeService(*other_db);
  for (int guess = 0; guess < 5; ++guess) {
    auto& service = guess % 2 ? *other : *auth_;
    ASSERT_EQ(attempt(service, "coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated);
  }
  int wait = 0;
  EXPECT_EQ(attempt(*other, "coord.lyon", kPassword, kOwner, &wait), ErrorCode::kRateLimited);
  EXPECT_EQ(attempt(*auth_, "coord.lyon", kPassword, kOwner), ErrorCode::kRateLimited);
  EXPECT_EQ(wait, 1);
  clock_.advanceSeconds(wait);
  EXPECT_EQ(attempt(*other, "coord.lyon", kPassword, kOwner), std::nullopt);
  // The success on one instance cleared the count for both.
  for (int guess = 0; guess < 4; ++guess)
    EXPECT_EQ(attempt(*auth_, "coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated);
}

TEST_P(LoginThrottleTest, ASuccessfulLoginWithoutFailuresWritesNothing) {
  addUser("coord.lyon");
  ASSERT_EQ(attempt("coord.lyon", kPassword, kOwner), std::nullopt);
  const auto rows = db_->read([](store::SqlSession& sql) {
    return store::throttle_store::find(sql, "login.account", "coord.lyon").has_value() ||
           store::throttle_store::find(sql, "login.address", kOwner).has_value();
  });
  EXPECT_FALSE(rows);
}

TEST_P(LoginThrottleTest, HousekeepingForgetsCountsADayOld) {
  addUser("coord.lyon");
  ASSERT_EQ(attempt("coord.lyon", "wrong", kAttacker), ErrorCode::kUnauthenticated);
  const Poco::Timestamp failed_at = clock_.clock()();
  const auto count = [&] {
    return db_->read([](store::SqlSession& sql) {
      return static_cast<int>(store::throttle_store::find(sql, "login.account", "coord.lyon").has_value()) +
             static_cast<int>(store::throttle_store::find(sql, "login.address", kAttacker).has_value());
    });
  };
  EXPECT_EQ(scheduler::purgeExpired(*db_, failed_at + Poco::Timespan(0, 23, 0, 0, 0)).throttle_counts, 0);
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(scheduler::purgeExpired(*db_, failed_at + Poco::Timespan(1, 1, 0, 0, 0)).throttle_counts, 2);
  EXPECT_EQ(count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginThrottleTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
