// The cap on Argon2 computations running at once: a flood of logins is
// answered 503 quickly instead of taking the memory and every core, unknown
// logins take a slot and cost what known ones cost.

#include "auth/hashing_slots.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "auth_fixture.h"

namespace cqpm::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;

TEST(HashingSlotsTest, NoMoreThanTheSlotsRunAtOnce) {
  auth::HashingSlots slots(2, std::chrono::seconds(5));
  std::atomic<int> running{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      const auto slot = slots.acquire();
      const int now = ++running;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      --running;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(most.load(), 2);
  EXPECT_EQ(slots.inUse(), 0);
}

TEST(HashingSlotsTest, AnAttemptThatFindsNoSlotIsRefusedQuicklyWithRetryAfter) {
  auth::HashingSlots slots(1, std::chrono::milliseconds(200));
  const auto held = slots.acquire();
  const auto start = SteadyClock::now();
  try {
    slots.acquire();
    FAIL() << "a second slot was granted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnavailable);
    ASSERT_TRUE(e.details());
    EXPECT_EQ(e.details()->getValue<int>("retry_after"), 1);
  }
  // It waited for its slot before giving up (that it gives up at all is the
  // bound: the slot is held until the end of the test).
  EXPECT_GE(SteadyClock::now() - start, std::chrono::milliseconds(190));
}

TEST(HashingSlotsTest, ASlotFreedWhileWaitingIsTaken) {
  auth::HashingSlots slots(1, std::chrono::seconds(5));
  std::optional<auth::HashingSlots::Slot> held(slots.acquire());
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    held.reset();
  });
  EXPECT_NO_THROW(slots.acquire());
  releaser.join();
}

using PasswordSlotsTest = AuthTest;

// OWASP's cost, as served in production.
constexpr auth::PasswordHashCost kRealCost{};

TEST_P(PasswordSlotsTest, UnknownLoginsTakeAHashingSlotLikeKnownOnes) {
  addUser("coord.lyon");
  auth::HashingSlots& slots = auth_->hasher().slots();
  // Hold both slots: whoever logs in, known or not, must wait for one.
  const auto first = slots.acquire();
  const auto second = slots.acquire();
  int wait = 0;
  EXPECT_EQ(attempt("personne", "wrong", "203.0.113.7", &wait), ErrorCode::kUnavailable);
  EXPECT_EQ(wait, 1);
  EXPECT_EQ(attempt("coord.lyon", kPassword, "198.51.100.20"), ErrorCode::kUnavailable);
}

TEST_P(PasswordSlotsTest, AnAttemptRefusedForWantOfASlotIsNotAFailure) {
  addUser("coord.lyon");
  {
    auth::HashingSlots& slots = auth_->hasher().slots();
    const auto first = slots.acquire();
    const auto second = slots.acquire();
    for (int i = 0; i < 6; ++i)
      ASSERT_EQ(attempt("coord.lyon", "wrong", "203.0.113.7"), ErrorCode::kUnavailable);
  }
  EXPECT_EQ(attempt("coord.lyon", kPassword, "198.51.100.20"), std::nullopt);
}

TEST_P(PasswordSlotsTest, FortyEightLoginsAtOnceAreBoundedAndTheExcessRefusedQuickly) {
  const auto service = makeService(*db_, kRealCost, 2);
  auth::HashingSlots& slots = service->hasher().slots();
  // The read pool opens its sessions first, as a running server's has: on
  // PostgreSQL opening them inside the burst was seen to take 2.4 s.
  std::vector<std::thread> warm_up;
  for (int t = 0; t < 48; ++t) warm_up.emplace_back([&] { db_->ping(); });
  for (auto& thread : warm_up) thread.join();
  std::atomic<bool> done{false};
  std::atomic<int> most{0};
  std::thread watcher([&] {
    while (!done) {
      most = std::max(most.load(), slots.inUse());
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  std::atomic<int> unavailable{0}, unauthenticated{0}, other{0};
  std::atomic<long> slowest_refusal_ms{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 48; ++t) {
    threads.emplace_back([&, t] {
      const auto start = SteadyClock::now();
      int wait = 0;
      const auto answer =
          attempt(*service, "inconnu" + std::to_string(t), "wrong", "203.0.113." + std::to_string(t), &wait);
      const long ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start).count();
      if (answer == ErrorCode::kUnavailable && wait == 1) {
        ++unavailable;
        long seen = slowest_refusal_ms.load();
        while (ms > seen && !slowest_refusal_ms.compare_exchange_weak(seen, ms)) {
        }
      } else if (answer == ErrorCode::kUnauthenticated) {
        ++unauthenticated;
      } else {
        ++other;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  done = true;
  watcher.join();
  std::cout << "48 logins at once, 2 slots: " << unauthenticated << " checked, " << unavailable
            << " refused (503), slowest refusal " << slowest_refusal_ms << " ms\n";
  EXPECT_LE(most.load(), 2);
  EXPECT_GT(unavailable.load(), 0);
  EXPECT_GT(unauthenticated.load(), 0);
  EXPECT_EQ(other.load(), 0);
  // The slowest refusal is printed above; how long it may take is the slow
  // clients benchmark's figure, not a bound a loaded machine could break.
}

TEST_P(PasswordSlotsTest, AnUnknownLoginCostsWhatAKnownOneCosts) {
  const auto service = makeService(*db_, kRealCost, 2);
  addUser("coord.lyon", service->hasher());
  std::vector<double> known_ms, unknown_ms;
  const auto timed = [&](const std::string& login) {
    const auto start = SteadyClock::now();
    EXPECT_EQ(attempt(*service, login, "wrong", "203.0.113.7"), ErrorCode::kUnauthenticated);
    clock_.advanceSeconds(31);  // past any back-off: only the password check is timed
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
  };
  for (int i = 0; i < 9; ++i) {
    known_ms.push_back(timed("coord.lyon"));
    unknown_ms.push_back(timed("personne" + std::to_string(i % 2)));
  }
  std::sort(known_ms.begin(), known_ms.end());
  std::sort(unknown_ms.begin(), unknown_ms.end());
  const double known = known_ms[4], unknown = unknown_ms[4];
  std::cout << "median failed login: known " << known << " ms, unknown " << unknown << " ms\n";
  // Loose bounds for a shared machine: skipping Argon2 would make it 20 times faster.
  EXPECT_GT(unknown, known * 0.5);
  EXPECT_LT(unknown, known * 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, PasswordSlotsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
