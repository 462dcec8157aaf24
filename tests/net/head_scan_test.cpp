#include "net/head_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace cqpm::net {
namespace {

TEST(HeadScanTest, AHeadEndsAtItsFirstEmptyLine) {
  EXPECT_EQ(scanHead("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 1024), HeadState::kComplete);
  EXPECT_EQ(scanHead("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody", 1024), HeadState::kComplete);
  EXPECT_EQ(scanHead("GET / HTTP/1.1\nHost: x\n\n", 1024), HeadState::kComplete);
  EXPECT_EQ(scanHead("GET / HTTP/1.1\r\n\r\n", 1024), HeadState::kComplete);
}

TEST(HeadScanTest, APartialHeadIsIncomplete) {
  EXPECT_EQ(scanHead("", 1024), HeadState::kIncomplete);
  EXPECT_EQ(scanHead("GET / HTTP/1.1\r\nHost: x\r\n", 1024), HeadState::kIncomplete);
  EXPECT_EQ(scanHead("GET / HTTP/1.1\r\nHost: x\r\n\r", 1024), HeadState::kIncomplete);
}

TEST(HeadScanTest, EmptyLinesBeforeTheRequestLineAreNotItsEnd) {
  EXPECT_EQ(scanHead("\r\n\r\n", 1024), HeadState::kIncomplete);
  EXPECT_EQ(scanHead("\r\n\r\nGET / HTTP/1.1\r\n", 1024), HeadState::kIncomplete);
  EXPECT_EQ(scanHead("\r\nGET / HTTP/1.1\r\n\r\n", 1024), HeadState::kComplete);
}

TEST(HeadScanTest, AHeadOverTheLimitIsTooLarge) {
  const std::string big = "GET / HTTP/1.1\r\nX: " + std::string(2000, 'a');
  EXPECT_EQ(scanHead(big, 1024), HeadState::kTooLarge);
  EXPECT_EQ(scanHead(big + "\r\n\r\n", 1024), HeadState::kTooLarge) << "complete, but past the limit";
  EXPECT_EQ(scanHead(std::string(2000, '\n'), 1024), HeadState::kTooLarge);
  EXPECT_EQ(scanHead(big + "\r\n\r\n", 4096), HeadState::kComplete);
}

TEST(HeadScanTest, AWellFormedHeadHasNoDefect) {
  EXPECT_EQ(headDefect("GET /a?b=c HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nX-Tab: a\tb\r\n\r\nbody"),
            std::nullopt);
  EXPECT_EQ(headDefect("\r\nPOST / HTTP/1.0\nA: caf\xc3\xa9\n\n"), std::nullopt);
}

TEST(HeadScanTest, DefectsAreNamedWithoutQuotingTheBytes) {
  for (const char* head : {"GET /a b HTTP/1.1\r\n\r\n", "GET\x01 / HTTP/1.1\r\n\r\n", "GET / FTP/1\r\n\r\n",
                           "GET /\xff HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nA b: c\r\n\r\n",
                           "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n", "GET / HTTP/1.1\r\nA: \x7f\r\n\r\n",
                           "GET / HTTP/1.1\r\n: empty name\r\n\r\n", "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n"}) {
    const auto defect = headDefect(head);
    ASSERT_TRUE(defect.has_value()) << head;
    EXPECT_EQ(defect->find_first_of("\x01\x7f\xff"), std::string::npos);
  }
}

}  // namespace
}  // namespace cqpm::net
