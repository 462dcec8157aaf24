#include "store/fifo_mutex.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace cqpm::store {
namespace {

TEST(FifoMutexTest, ServesWaitersInArrivalOrder) {
  FifoMutex mutex;
  std::vector<int> order;
  mutex.lock();
  std::vector<std::thread> waiters;
  for (int i = 0; i < 8; ++i) {
    waiters.emplace_back([&, i] {
      mutex.lock();
      order.push_back(i);
      mutex.unlock();
    });
    // Waiter i has taken its ticket (the holder and i + 1 waiters are queued)
    // before waiter i + 1 starts: no sleep guessing how long that takes.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (mutex.queued() < static_cast<std::uint64_t>(i) + 2 &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    if (mutex.queued() < static_cast<std::uint64_t>(i) + 2) {
      ADD_FAILURE() << "waiter " << i << " never queued";
      break;  // the waiters started are still let through and joined below
    }
  }
  mutex.unlock();
  for (auto& waiter : waiters) waiter.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST(FifoMutexTest, ExcludesConcurrentHolders) {
  FifoMutex mutex;
  int counter = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        std::lock_guard guard(mutex);
        ++counter;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(counter, 40000);
}

}  // namespace
}  // namespace cqpm::store
