// Request ids name requests in the access log and the X-Request-Id answer header: a proxy's id is kept
// when it is a plain token, anything else is replaced by a new id, unique within the server and (by a
// random prefix) across instances.

#include "http/request_ids.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace cqpm::http {
namespace {

TEST(RequestIdsTest, KeepsAProxysPlainIdAndReplacesAnythingElse) {
  RequestIds ids;
  EXPECT_EQ(ids.idFor("7f3a9c0e1b2d4e5f8a6b7c8d9e0f1a2b"), "7f3a9c0e1b2d4e5f8a6b7c8d9e0f1a2b");
  EXPECT_EQ(ids.idFor("probe-1.a_b"), "probe-1.a_b");
  for (const std::string bad : {std::string(), std::string(65, 'a'), std::string("a b"),
                                std::string("x\r\nSet-Cookie: y"), std::string("é")}) {
    const std::string replaced = ids.idFor(bad);
    EXPECT_NE(replaced, bad);
    EXPECT_TRUE(std::regex_match(replaced, std::regex("[A-Za-z0-9_-]{8}-[0-9a-z]+"))) << replaced;
  }
}

TEST(RequestIdsTest, NewIdsAreUniqueAcrossThreadsAndDifferBetweenServers) {
  RequestIds ids;
  constexpr int kThreads = 4;
  constexpr int kEach = 2000;
  std::vector<std::vector<std::string>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&ids, &mine = made[static_cast<std::size_t>(t)]] {
      for (int i = 0; i < kEach; ++i) mine.push_back(ids.idFor(""));
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> distinct;
  for (const auto& mine : made) distinct.insert(mine.begin(), mine.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads * kEach));

  // Another server (another instance behind the same proxy) draws another prefix.
  RequestIds other;
  const std::string mine = ids.idFor("");
  const std::string theirs = other.idFor("");
  EXPECT_NE(mine.substr(0, 9), theirs.substr(0, 9)) << mine << " " << theirs;
}

}  // namespace
}  // namespace cqpm::http
