#include "common/base64url.h"

#include <gtest/gtest.h>

#include <string>

#include "common/error.h"
#include "common/page_cursor.h"

namespace cqpm {
namespace {

TEST(Base64UrlTest, EncodesWithTheUrlAlphabetWithoutPaddingOnOneLine) {
  // RFC 4648's test vectors, unpadded.
  EXPECT_EQ(base64Url(""), "");
  EXPECT_EQ(base64Url("f"), "Zg");
  EXPECT_EQ(base64Url("fo"), "Zm8");
  EXPECT_EQ(base64Url("foobar"), "Zm9vYmFy");
  // The two characters that differ from plain base64: '-' for '+', '_' for '/'.
  EXPECT_EQ(base64Url("\xfb\xff"), "-_8");
  // 96 bytes give 128 characters, never broken into lines (a signature is 64 bytes).
  const std::string long_text = base64Url(std::string(96, '\x7f'));
  EXPECT_EQ(long_text.size(), 128u);
  EXPECT_EQ(long_text.find_first_of("\r\n="), std::string::npos);
}

TEST(Base64UrlTest, DecodesWhatItEncodes) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  for (std::size_t length : {0u, 1u, 2u, 3u, 31u, 32u, 64u, 256u}) {
    const std::string bytes = every_byte.substr(0, length);
    EXPECT_EQ(fromBase64Url(base64Url(bytes), "x"), bytes) << length;
  }
}

TEST(Base64UrlTest, RefusesAnythingElseNamingTheField) {
  for (const std::string bad : {"Zm9v+mFy", "Zm9v/mFy", "Zm9vYg==", "Zm9v Ymfy", "Zm9v\nYmFy"}) {
    try {
      fromBase64Url(bad, "signature");
      ADD_FAILURE() << bad;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kInvalidField) << bad;
      EXPECT_EQ(error.field(), "signature") << bad;
    }
  }
}

TEST(Base64UrlTest, ACursorGoesBackToItsPartsAndAForgedOneIsRefused) {
  const std::string cursor = encodeCursor({"Nguyễn", "2026-12-04T10:00:00Z", "file-42"});
  EXPECT_EQ(decodeCursor(cursor, 3), (std::vector<std::string>{"Nguyễn", "2026-12-04T10:00:00Z", "file-42"}));
  for (const std::string forged : {std::string(), std::string("%%%"), cursor + "+", base64Url("one part")}) {
    try {
      decodeCursor(forged, 3);
      ADD_FAILURE() << forged;
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "cursor") << forged;
    }
  }
}

}  // namespace
}  // namespace cqpm
