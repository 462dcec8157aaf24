#include "common/siret.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace cqpm {
namespace {

TEST(SiretTest, NormalisesTheWaysPeopleWriteASiret) {
  struct Case {
    std::string text;
    std::optional<std::string> digits;
  };
  const std::vector<Case> cases = {
      {"73282932000074", "73282932000074"},
      {"732 829 320 00074", "73282932000074"},
      {" 732829320 00074 ", "73282932000074"},
      {"732\xC2\xA0"
       "829\xC2\xA0"
       "320\xC2\xA0"
       "00074",
       "73282932000074"},  // no-break spaces
      {"732\xE2\x80\xAF"
       "829\xE2\x80\xAF"
       "320\xE2\x80\xAF"
       "00074",
       "73282932000074"},  // narrow no-break
      {"732\t829 320 00074", "73282932000074"},
      {"", std::nullopt},
      {"7328293200007", std::nullopt},    // 13 digits
      {"732829320000745", std::nullopt},  // 15 digits
      {"732.829.320.00074", std::nullopt},
      {"732-829-320-00074", std::nullopt},
      {"7,32829E+13", std::nullopt},     // what Excel makes of it as a number
      {"٧٣٢٨٢٩٣٢٠٠٠٠٧٤", std::nullopt},  // not ASCII digits
  };
  for (const Case& c : cases) EXPECT_EQ(normaliseSiret(c.text), c.digits) << c.text;
}

TEST(SiretTest, AcceptsNumbersWhoseLuhnChecksumHolds) {
  for (const std::string digits : {"73282932000074", "12345678900015", "00000000000000", "35600000000048"}) {
    EXPECT_TRUE(isValidSiret(digits)) << digits;
  }
}

TEST(SiretTest, RefusesNumbersWhoseLuhnChecksumFails) {
  for (const std::string digits : {"73282932000075", "73282932000047", "12345678900016", "23282932000074"}) {
    EXPECT_FALSE(isValidSiret(digits)) << digits;
  }
}

TEST(SiretTest, ChecksLaPostesEstablishmentsByTheSumOfTheirDigits) {
  EXPECT_TRUE(isValidSiret("35600000049837"));   // digit sum 45, Luhn fails
  EXPECT_TRUE(isValidSiret("35600000000001"));   // digit sum 15
  EXPECT_FALSE(isValidSiret("35600000049838"));  // digit sum 46
  EXPECT_FALSE(isValidSiret("35600000000002"));  // digit sum 16
}

TEST(SiretTest, RefusesAnythingButFourteenAsciiDigits) {
  for (const std::string text :
       {"", "7328293200007", "732829320000740", "732 829 320 00074", "7328293200007a"}) {
    EXPECT_FALSE(isValidSiret(text)) << text;
  }
}

}  // namespace
}  // namespace cqpm
