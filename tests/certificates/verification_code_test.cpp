#include "certificates/verification_code.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace cqpm::certificates {
namespace {

const std::regex kCanonical("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");

TEST(VerificationCodeTest, IsTwelveCrockfordSymbolsGroupedByFour) {
  for (int i = 0; i < 200; ++i) {
    const std::string code = newVerificationCode();
    EXPECT_TRUE(std::regex_match(code, kCanonical)) << code;
    EXPECT_EQ(code.find_first_of("ILOU"), std::string::npos) << code;
  }
}

TEST(VerificationCodeTest, TenThousandCodesAreAllDifferent) {
  std::set<std::string> codes;
  for (int i = 0; i < 10000; ++i) codes.insert(newVerificationCode());
  EXPECT_EQ(codes.size(), 10000u);
}

TEST(VerificationCodeTest, AFreshCodeIsAlreadyCanonical) {
  for (int i = 0; i < 100; ++i) {
    const std::string code = newVerificationCode();
    EXPECT_EQ(normaliseVerificationCode(code), code);
  }
}

TEST(VerificationCodeTest, NormalisesWhatAPersonTypes) {
  EXPECT_EQ(normaliseVerificationCode("k7qm-4xpa-9rte"), "K7QM-4XPA-9RTE");
  EXPECT_EQ(normaliseVerificationCode("K7QM 4XPA 9RTE"), "K7QM-4XPA-9RTE");
  EXPECT_EQ(normaliseVerificationCode("K7QM4XPA9RTE"), "K7QM-4XPA-9RTE");
  EXPECT_EQ(normaliseVerificationCode("  k7-qm4x-pa9r-te "), "K7QM-4XPA-9RTE");
  // The letters Crockford leaves out are read as the digits they look like.
  EXPECT_EQ(normaliseVerificationCode("O0oO-IiLl-1234"), "0000-1111-1234");
}

TEST(VerificationCodeTest, RefusesWhatCannotBeACode) {
  EXPECT_EQ(normaliseVerificationCode(""), std::nullopt);
  EXPECT_EQ(normaliseVerificationCode("----"), std::nullopt);
  EXPECT_EQ(normaliseVerificationCode("K7QM-4XPA-9RT"), std::nullopt);    // 11 symbols
  EXPECT_EQ(normaliseVerificationCode("K7QM-4XPA-9RTEE"), std::nullopt);  // 13 symbols
  EXPECT_EQ(normaliseVerificationCode("K7QM-4XPA-9RTU"), std::nullopt);   // U is not in the alphabet
  EXPECT_EQ(normaliseVerificationCode("K7QM_4XPA_9RTE"), std::nullopt);   // other separators
  EXPECT_EQ(normaliseVerificationCode("K7QM-4XPA-9RT%"), std::nullopt);
  EXPECT_EQ(normaliseVerificationCode("K7QM-4XPA-9RTÉ"), std::nullopt);  // non-ASCII
  EXPECT_EQ(normaliseVerificationCode("../../etc/passwd"), std::nullopt);
  EXPECT_EQ(normaliseVerificationCode(std::string(10000, '-') + "K7QM4XPA9RTE"), std::nullopt);
}

}  // namespace
}  // namespace cqpm::certificates
