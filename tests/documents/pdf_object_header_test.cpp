#include "documents/pdf_object_header.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "support/test_database.h"

namespace cqpm::documents {
namespace {

using namespace std::string_literals;

// The scan as first written, one byte and one branch at a time: the oracle.
bool referenceScan(const std::string& bytes) {
  enum State { kNone, kFirst, kAfterFirst, kSecond, kAfterSecond, kO, kOb };
  const auto is_space = [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
  };
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  State state = kNone;
  bool in_comment = false;
  for (const char c : bytes) {
    if (in_comment) {
      in_comment = c != '\n' && c != '\r';
      continue;
    }
    const bool separator = is_space(c) || c == '%';
    if (c == '%') in_comment = true;
    switch (state) {
      case kFirst:
        state = is_digit(c) ? kFirst : separator ? kAfterFirst : kNone;
        break;
      case kAfterFirst:
        state = is_digit(c) ? kSecond : separator ? kAfterFirst : kNone;
        break;
      case kSecond:
        state = is_digit(c) ? kSecond : separator ? kAfterSecond : kNone;
        break;
      case kAfterSecond:
        state = is_digit(c) ? kSecond : separator ? kAfterSecond : c == 'o' ? kO : kNone;
        break;
      case kO:
        state = c == 'b' ? kOb : kNone;
        break;
      case kOb:
        if (c == 'j') return true;
        state = kNone;
        break;
      case kNone:
        break;
    }
    if (state == kNone && is_digit(c)) state = kFirst;
  }
  return false;
}

bool scanWhole(const std::string& bytes) { return PdfObjectHeaderScan().feed(bytes.data(), bytes.size()); }

class PdfObjectHeaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::makeTempDir("cqpm-object-header"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  bool inFile(const std::string& bytes) {
    const std::string path = dir_ + "/f" + std::to_string(++count_);
    std::ofstream(path, std::ios::binary) << bytes;
    return hasPdfObjectHeader(path);
  }

  std::string dir_;
  int count_ = 0;
};

TEST_F(PdfObjectHeaderTest, HeadersAreTwoIntegersThenObjSeparatedBySpaceOrComments) {
  const std::pair<std::string, bool> cases[] = {
      {"1 0 obj", true},      {"%PDF-1.7\n12 0 obj\n<<>>", true},
      {"12\r\n0\tobj", true}, {"1 %comment\n0 %another\robj", true},
      {"1 2 3 obj", true},    {"1\0"s + "0\0obj"s, true},
      {"1 0 ob j", false},    {"1 0obj", false},
      {"10 obj", false},      {"% 1 0 obj", false},
      {"x 0 obj", false},     {"1 0 %obj", false},
      {"1 0 Obj", false},     {"", false},
  };
  for (const auto& [bytes, expected] : cases) {
    EXPECT_EQ(scanWhole(bytes), expected) << bytes;
    EXPECT_EQ(referenceScan(bytes), expected) << bytes;
    EXPECT_EQ(inFile(bytes), expected) << bytes;
  }
}

TEST_F(PdfObjectHeaderTest, AgreesWithTheByteByByteScanWhateverTheBytesAndPieces) {
  std::mt19937_64 random(20261203);
  const std::string alphabet = "0123 \n\r%obj\t\fx"s + '\0';
  for (int round = 0; round < 200000; ++round) {
    std::string bytes(random() % 80, ' ');
    for (auto& c : bytes) c = alphabet[random() % alphabet.size()];
    const bool expected = referenceScan(bytes);
    ASSERT_EQ(scanWhole(bytes), expected) << bytes;
    // The same bytes in pieces: the state carries over.
    PdfObjectHeaderScan scan;
    for (std::size_t at = 0; at < bytes.size();) {
      const std::size_t piece = std::min<std::size_t>(1 + random() % 20, bytes.size() - at);
      scan.feed(bytes.data() + at, piece);
      at += piece;
    }
    ASSERT_EQ(scan.found(), expected) << bytes;
  }
}

TEST_F(PdfObjectHeaderTest, HeadersAreFoundAnywhereInLargeBinaryFiles) {
  std::mt19937_64 random(7);
  std::string bytes(std::size_t{1} << 20, '\0');
  for (auto& c : bytes) c = static_cast<char>(random());
  EXPECT_EQ(inFile(bytes), referenceScan(bytes));
  for (const std::size_t at : {std::size_t{0}, std::size_t{65533}, std::size_t{65535}, bytes.size() - 9}) {
    for (const std::string header : {"\n1 0 obj", "\n7 0\r\n%x\nobj", "\n1 0%c\nobj"}) {
      std::string planted = bytes;
      planted.replace(at, header.size(), header);
      // The line end first: whatever came before (a comment, half a header), it is found.
      EXPECT_TRUE(referenceScan(planted)) << at << " " << header;
      EXPECT_TRUE(inFile(planted)) << at << " " << header;
    }
  }
  // A header inside a comment is none.
  std::string commented = std::string(100000, 'x') + "%1 0 obj" + std::string(100000, 'x');
  EXPECT_FALSE(inFile(commented));
  EXPECT_TRUE(inFile(commented + "\n1 0 obj"));
}

}  // namespace
}  // namespace cqpm::documents
