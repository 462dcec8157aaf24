// The one throttle mechanism every public endpoint shares (logins, password
// reset requests, certificate verification): its arithmetic, and its counts
// kept in the database where every instance sees them.

#include "auth/throttle.h"

#include "auth_fixture.h"
#include "store/throttle_store.h"

namespace cqpm::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

auth::ThrottlePolicy backOff() {
  return {.scope = "test.backoff",
          .free_failures = 3,
          .window = minutes(60),
          .first_delay = seconds(2),
          .max_delay = seconds(20)};
}

auth::ThrottlePolicy budget() { return {.scope = "test.budget", .free_failures = 3, .window = minutes(10)}; }

struct WaitCase {
  const char* name;
  auth::ThrottlePolicy policy;
  std::int64_t failures;
  int since_window_start;  // seconds, at the last failure
  int since_last_failure;  // seconds, now
  int expected;
};

TEST(ThrottlePolicyTest, WaitsFollowTheShapeOfThePolicy) {
  const std::vector<WaitCase> cases{
      {"back-off: free failures", backOff(), 2, 0, 0, 0},
      {"back-off: the last free failure", backOff(), 3, 0, 0, 2},
      {"back-off: doubles", backOff(), 4, 0, 0, 4},
      {"back-off: doubles again", backOff(), 5, 0, 0, 8},
      {"back-off: capped", backOff(), 7, 0, 0, 20},
      {"back-off: no overflow", backOff(), 1'000'000, 0, 0, 20},
      {"back-off: part of the wait passed", backOff(), 5, 0, 5, 3},
      {"back-off: wait over", backOff(), 5, 0, 8, 0},
      {"back-off: the window restarts the count", backOff(), 9, 3590, 11, 0},
      {"budget: within", budget(), 2, 30, 0, 0},
      {"budget: spent", budget(), 3, 30, 0, 570},
      {"budget: later in the window", budget(), 3, 30, 100, 470},
      {"budget: window over", budget(), 50, 30, 570, 0},
  };
  const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1'900'000'000);
  for (const WaitCase& c : cases) {
    const Poco::Timestamp last = start + Poco::Timespan(c.since_window_start, 0);
    const Poco::Timestamp now = last + Poco::Timespan(c.since_last_failure, 0);
    EXPECT_EQ(c.policy.retryAfterSeconds(c.failures, start, last, now), c.expected) << c.name;
  }
}

TEST(ThrottlePolicyTest, AWaitIsRoundedUpToTheSecond) {
  const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1'900'000'000);
  const Poco::Timestamp now = start + Poco::Timespan(0, 1000);  // 1 ms after the failure
  EXPECT_EQ(backOff().retryAfterSeconds(3, start, start, now), 2);
}

using ThrottleTest = AuthTest;

TEST_P(ThrottleTest, CountsLiveInTheDatabaseAndRestartAfterTheWindow) {
  const auth::Throttle throttle(*db_, clock_.clock(), budget());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.retryAfterSeconds("203.0.113.7"), 0) << i;
    throttle.recordFailure("203.0.113.7");
    clock_.advanceSeconds(10);
  }
  EXPECT_EQ(throttle.retryAfterSeconds("203.0.113.7"), 600 - 30);
  EXPECT_EQ(throttle.retryAfterSeconds("198.51.100.20"), 0);
  clock_.advanceSeconds(600 - 30);
  EXPECT_EQ(throttle.retryAfterSeconds("203.0.113.7"), 0);
  throttle.recordFailure("203.0.113.7");  // a new window: one failure in it
  const auto count = db_->read(
      [](store::SqlSession& sql) { return store::throttle_store::find(sql, "test.budget", "203.0.113.7"); });
  ASSERT_TRUE(count);
  EXPECT_EQ(count->failures, 1);
  EXPECT_EQ(count->window_start, count->last_failure_at);
}

TEST_P(ThrottleTest, ThrottlesOfOneKindAreSharedAndKindsAreSeparate) {
  const auto other_db = store::Database::open(database_->databaseUrl());
  const auth::Throttle here(*db_, clock_.clock(), budget());
  const auth::Throttle there(*other_db, clock_.clock(), budget());
  auto other_kind = backOff();
  other_kind.free_failures = 1;
  const auth::Throttle other(*db_, clock_.clock(), other_kind);
  here.recordFailure("203.0.113.7");
  there.recordFailure("203.0.113.7");
  here.recordFailure("203.0.113.7");
  EXPECT_EQ(there.retryAfterSeconds("203.0.113.7"), 600);
  EXPECT_EQ(here.retryAfterSeconds("203.0.113.7"), 600);
  EXPECT_EQ(other.retryAfterSeconds("203.0.113.7"), 0);
}

TEST_P(ThrottleTest, ConcurrentFailuresOnTwoInstancesAreAllCounted) {
  const auto other_db = store::Database::open(database_->databaseUrl());
  const auth::Throttle here(*db_, clock_.clock(), budget());
  const auth::Throttle there(*other_db, clock_.clock(), budget());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) (t % 2 ? there : here).recordFailure("203.0.113.7");
    });
  }
  for (auto& thread : threads) thread.join();
  const auto count = db_->read(
      [](store::SqlSession& sql) { return store::throttle_store::find(sql, "test.budget", "203.0.113.7"); });
  ASSERT_TRUE(count);
  EXPECT_EQ(count->failures, 40);
}

INSTANTIATE_TEST_SUITE_P(Backends, ThrottleTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
