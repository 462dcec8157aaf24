// Argon2id hashing in the hashing slots' own memory: hashes stay readable by
// libargon2 (and older ones by us), and the memory of hashing stays that of
// the slots however many threads hash.

#include "auth/password_hasher.h"

#include <argon2.h>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "auth/phc_string.h"

namespace cqpm::auth {
namespace {

constexpr PasswordHashCost kSmall{1024, 2, 1};

TEST(PasswordHasherTest, HashesAreLibargon2sOwnFormat) {
  const PasswordHasher hasher(kSmall);
  const std::string ours = hasher.hash("Chaudronnerie lourde");
  EXPECT_EQ(argon2id_verify(ours.c_str(), "Chaudronnerie lourde", 20), ARGON2_OK);
  EXPECT_NE(argon2id_verify(ours.c_str(), "Chaudronnerie legere", 20), ARGON2_OK);

  char theirs[128];
  ASSERT_EQ(
      argon2id_hash_encoded(2, 1024, 1, "Soudure TIG", 11, "0123456789abcdef", 16, 32, theirs, sizeof theirs),
      ARGON2_OK);
  EXPECT_TRUE(hasher.verify("Soudure TIG", theirs));
  EXPECT_FALSE(hasher.verify("Soudure MIG", theirs));
  const auto decoded = decodePhc(theirs);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->memory_kib, 1024u);
  EXPECT_EQ(decoded->salt, "0123456789abcdef");
  EXPECT_EQ(encodePhc(*decoded), theirs);
}

TEST(PasswordHasherTest, HashesOfAnotherCostStillVerify) {
  const std::string old = PasswordHasher({256, 1, 1}).hash("Tôlerie fine 2030");
  EXPECT_TRUE(PasswordHasher(kSmall).verify("Tôlerie fine 2030", old));
}

TEST(PasswordHasherTest, MalformedHashesMatchNothing) {
  const PasswordHasher hasher(kSmall);
  const std::string good = hasher.hash("x");
  for (const std::string& bad :
       {std::string(), std::string("x"), std::string("$argon2i$v=19$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaA"),
        std::string("$argon2id$v=19$m=1024,t=2$c2FsdHNhbHQ$aGFzaA"),
        std::string("$argon2id$v=19$m=big,t=2,p=1$c2FsdHNhbHQ$aGFzaA"),
        std::string("$argon2id$v=19$m=1024,t=2,p=1$$aGFzaA"), good.substr(0, good.size() - 4) + "!!!!",
        std::string("$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaA$extra")}) {
    EXPECT_FALSE(hasher.verify("x", bad)) << bad;
  }
}

long residentKib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST(PasswordHasherTest, HashingOnManyThreadsKeepsOnlyTheSlotsMemory) {
  const PasswordHasher hasher(PasswordHashCost{}, std::make_shared<HashingSlots>(2));  // 19 MiB each
  const std::string hash = hasher.hash("warm");
  const long before = residentKib();
  // Sixteen threads one after the other, as a server's pool would: each
  // would keep its 19 MiB in its own malloc arena.
  for (int t = 0; t < 16; ++t) std::thread([&] { EXPECT_FALSE(hasher.verify("wrong", hash)); }).join();
  const long grown = residentKib() - before;
  std::cout << "resident memory after 16 threads hashed: +" << grown / 1024 << " MiB\n";
  EXPECT_LT(grown, 2 * 19 * 1024 + 8 * 1024);
}

}  // namespace
}  // namespace cqpm::auth
