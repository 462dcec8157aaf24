// The output intent's colour profile is part of every PDF's bytes; a clock inside it made two
// renderings of one certificate differ about once in a hundred (CI, 2026-12-04).

#include "certificates/srgb_profile.h"

#include <gtest/gtest.h>

#include <string>

namespace cqpm::certificates {
namespace {

unsigned bigEndian16(const std::string& bytes, std::size_t at) {
  return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 8U) |
         static_cast<unsigned char>(bytes[at + 1]);
}

TEST(SrgbProfileTest, TheHeaderCarriesTheFixedDateNotTheClock) {
  const std::string profile = srgbIccProfile();
  ASSERT_GE(profile.size(), 128U);
  EXPECT_EQ(profile.substr(36, 4), "acsp");  // the ICC signature: a real profile
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(bigEndian16(profile, 24 + (2 * i)), kSrgbProfileDate[i]) << "date field " << i;
  }
}

}  // namespace
}  // namespace cqpm::certificates
