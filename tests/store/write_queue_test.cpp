#include "store/write_queue.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/native_connection.h"
#include "store/sqlite_statements.h"

namespace cqpm::store {
namespace {

Poco::Data::Session memorySession() {
  Poco::Data::SQLite::Connector::registerConnector();
  return {Poco::Data::SQLite::Connector::KEY, ":memory:"};
}

/// A runner that runs each unit on an in-memory SQLite session (the units
/// below never use it), records what a unit throws, and keeps the batches it saw.
class RecordingRunner {
 public:
  void operator()(std::span<QueuedWrite* const> batch) {
    {
      std::lock_guard lock(mutex_);
      sizes_.push_back(batch.size());
    }
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    SqliteStatements statements(sqliteConnectionOf(session_));
    SqlSession sql(session_, Dialect::kSqlite, statements);
    for (QueuedWrite* write : batch) {
      try {
        (*write->work)(sql);
      } catch (...) {
        write->error = std::current_exception();
      }
    }
  }

  std::vector<std::size_t> sizes() {
    std::lock_guard lock(mutex_);
    return sizes_;
  }
  std::chrono::milliseconds delay_{0};

 private:
  Poco::Data::Session session_ = memorySession();
  std::mutex mutex_;
  std::vector<std::size_t> sizes_;
};

TEST(WriteQueueTest, ALoneWriteRunsAtOnceInABatchOfItsOwn) {
  RecordingRunner runner;
  WriteQueue queue(64, [&](auto batch) { runner(batch); });
  int ran = 0;
  queue.submit([&](SqlSession&) { ++ran; });
  queue.submit([&](SqlSession&) { ++ran; });
  EXPECT_EQ(ran, 2);
  EXPECT_EQ(runner.sizes(), (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(queue.queued(), 0u);
}

TEST(WriteQueueTest, AFailureReachesItsOwnCallerOnly) {
  RecordingRunner runner;
  WriteQueue queue(64, [&](auto batch) { runner(batch); });
  EXPECT_THROW(queue.submit([](SqlSession&) { throw std::runtime_error("refused"); }), std::runtime_error);
  EXPECT_NO_THROW(queue.submit([](SqlSession&) {}));
}

TEST(WriteQueueTest, WritesArrivingDuringACommitShareTheNextOneInArrivalOrder) {
  RecordingRunner runner;
  WriteQueue queue(64, [&](auto batch) { runner(batch); });
  constexpr int kWriters = 12;
  std::mutex order_mutex;
  std::vector<int> order;
  std::atomic<int> returned_failures = 0;
  std::latch first_running(1);
  std::vector<std::thread> writers;
  // The first write holds the runner until the others are all queued behind it.
  writers.emplace_back([&] {
    queue.submit([&](SqlSession&) {
      first_running.count_down();
      for (int waited = 0; queue.queued() < static_cast<std::uint64_t>(kWriters) && waited < 10000;
           ++waited) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      std::lock_guard lock(order_mutex);
      order.push_back(0);
    });
  });
  first_running.wait();
  for (int i = 1; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      try {
        queue.submit([&, i](SqlSession&) {
          {
            std::lock_guard lock(order_mutex);
            order.push_back(i);
          }
          if (i % 4 == 0) throw std::runtime_error("refused");
        });
      } catch (const std::runtime_error&) {
        ++returned_failures;
      }
    });
    // The next writer starts once this one is queued: arrival order is the thread order.
    for (int waited = 0; queue.queued() < static_cast<std::uint64_t>(i) + 1 && waited < 5000; ++waited) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }
  for (auto& writer : writers) writer.join();
  // The first write alone (the queue was empty), then all the others in one commit.
  EXPECT_EQ(runner.sizes(), (std::vector<std::size_t>{1, kWriters - 1}));
  ASSERT_EQ(order.size(), static_cast<std::size_t>(kWriters));
  for (int i = 0; i < kWriters; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
  EXPECT_EQ(returned_failures.load(), 2);  // writes 4 and 8
  EXPECT_EQ(queue.queued(), 0u);
}

TEST(WriteQueueTest, BatchesNeverExceedTheirLimit) {
  RecordingRunner runner;
  runner.delay_ = std::chrono::milliseconds(20);
  WriteQueue queue(3, [&](auto batch) { runner(batch); });
  std::vector<std::thread> writers;
  for (int i = 0; i < 10; ++i) writers.emplace_back([&] { queue.submit([](SqlSession&) {}); });
  for (auto& writer : writers) writer.join();
  std::size_t total = 0;
  for (auto size : runner.sizes()) {
    EXPECT_LE(size, 3u);
    total += size;
  }
  EXPECT_EQ(total, 10u);
}

TEST(WriteQueueTest, ARunnerThatThrowsFailsEveryWriteOfItsBatch) {
  WriteQueue queue(64, [](auto) { throw std::runtime_error("disk full"); });
  EXPECT_THROW(queue.submit([](SqlSession&) {}), std::runtime_error);
  EXPECT_EQ(queue.queued(), 0u);
}

}  // namespace
}  // namespace cqpm::store
