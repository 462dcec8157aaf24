#include "common/sha256.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace cqpm {
namespace {

TEST(Sha256Test, GivesTheStandardDigestsInLowerCaseHex) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, PiecesGiveTheDigestOfTheWholeAndTheHasherStartsAgainAfterHex) {
  Sha256 sha;
  sha.update("a");
  sha.update(std::string("bc"));
  EXPECT_EQ(sha.hex(), sha256Hex("abc"));
  sha.update("");
  EXPECT_EQ(sha.hex(), sha256Hex(""));
}

// Every request hashes (session tokens, event chain links) on its own worker
// thread. Hashing through Poco::Crypto set OpenSSL up and tore it down under a
// process-wide count, so one thread freed the locks another had just made;
// ThreadSanitizer reported it and the in-process servers crashed now and then.
TEST(Sha256Test, ManyThreadsHashingAtOnceAllGetTheRightDigest) {
  const std::string expected = sha256Hex("chain link");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        if (sha256Hex("chain link") != expected) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace cqpm
