#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "store/database.h"
#include "support/test_database.h"

namespace cqpm::store {
namespace {

/// More concurrent readers than the pool has sessions: each waits for a place
/// (Poco's pool alone would refuse them with "no more sessions available").
class ReadPlacesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReadPlacesTest, ReadersBeyondThePoolWaitForAPlaceInsteadOfFailing) {
  testing::TestDatabase test_db(GetParam());
  CQPM_REQUIRE_BACKEND(test_db);
  DatabaseOptions options;
  options.max_read_sessions = 2;
  const auto db = Database::open(test_db.databaseUrl(), options);
  std::atomic<int> succeeded = 0, concurrent = 0, most_concurrent = 0;
  std::vector<std::thread> readers;
  for (int i = 0; i < 8; ++i) {
    readers.emplace_back([&] {
      db->read([&](SqlSession&) {
        const int now = ++concurrent;
        for (int seen = most_concurrent; now > seen && !most_concurrent.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        --concurrent;
      });
      ++succeeded;
    });
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(succeeded.load(), 8);
  EXPECT_LE(most_concurrent.load(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadPlacesTest, ::testing::ValuesIn(testing::storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::store
