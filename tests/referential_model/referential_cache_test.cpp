#include "referential_model/referential_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "common/error.h"

namespace cqpm::referential_model {
namespace {

ReferentialCache::Loader loaderFor(const std::string& id, int* calls) {
  return [id, calls] {
    ++*calls;
    auto referential = std::make_shared<Referential>();
    referential->id = id;
    return std::shared_ptr<const Referential>(referential);
  };
}

TEST(ReferentialCacheTest, ParsesACommitOnceAndHandsOutTheSameModel) {
  ReferentialCache cache(4);
  int calls = 0;
  const auto first = cache.get("qualite@aaa", loaderFor("qualite", &calls));
  const auto again = cache.get("qualite@aaa", loaderFor("qualite", &calls));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(first.get(), again.get());
  EXPECT_EQ(cache.loads(), 1u);
}

TEST(ReferentialCacheTest, KeepsTwoCommitsApart) {
  ReferentialCache cache(4);
  int calls = 0;
  const auto one = cache.get("qualite@aaa", loaderFor("one", &calls));
  const auto two = cache.get("qualite@bbb", loaderFor("two", &calls));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(one->id, "one");
  EXPECT_EQ(two->id, "two");
  EXPECT_EQ(cache.get("qualite@aaa", loaderFor("x", &calls))->id, "one");
  EXPECT_EQ(cache.size(), 2u);
}

TEST(ReferentialCacheTest, EvictsTheLeastRecentlyUsedBeyondItsCapacity) {
  ReferentialCache cache(2);
  int calls = 0;
  cache.get("a", loaderFor("a", &calls));
  cache.get("b", loaderFor("b", &calls));
  cache.get("a", loaderFor("a", &calls));  // a is now the most recent
  cache.get("c", loaderFor("c", &calls));  // evicts b
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(calls, 3);
  cache.get("a", loaderFor("a", &calls));
  EXPECT_EQ(calls, 3);
  cache.get("b", loaderFor("b", &calls));
  EXPECT_EQ(calls, 4);
}

TEST(ReferentialCacheTest, CachesNothingWhenTheLoaderFails) {
  ReferentialCache cache(2);
  EXPECT_THROW(cache.get("bad",
                         []() -> std::shared_ptr<const Referential> {
                           throw Error(ErrorCode::kStorage, "not a referential");
                         }),
               Error);
  EXPECT_EQ(cache.size(), 0u);
  int calls = 0;
  EXPECT_EQ(cache.get("bad", loaderFor("good", &calls))->id, "good");
}

TEST(ReferentialCacheTest, ServesManyThreadsAtOnce) {
  ReferentialCache cache(8);
  std::atomic<int> calls{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&cache, &calls, t] {
      for (int i = 0; i < 200; ++i) {
        const std::string key = "k" + std::to_string((t + i) % 4);
        const auto got = cache.get(key, [&calls, key] {
          ++calls;
          auto referential = std::make_shared<Referential>();
          referential->id = key;
          return std::shared_ptr<const Referential>(referential);
        });
        if (got->id != key) ADD_FAILURE() << got->id << " for " << key;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(cache.size(), 4u);
  EXPECT_LE(calls.load(), 4 * 8);  // a key is parsed at most once per thread racing on its first miss
}

}  // namespace
}  // namespace cqpm::referential_model
