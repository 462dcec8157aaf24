#include "documents/clamd_scanner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "support/clamd_daemon.h"
#include "support/test_database.h"

// The clamd client against Debian's real clamd (started by the test on a
// one-signature database): verdicts over INSTREAM, and every way of getting
// no verdict ending in Error{kUnavailable} within the timeout.

namespace cqpm::documents {
namespace {

using SteadyClock = std::chrono::steady_clock;

class ClamdScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(clamd_.failure(), "") << "clamd is needed by these tests";
    dir_ = testing::makeTempDir("cqpm-clamd-scans");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string fileWith(const std::string& bytes) {
    const std::string path = dir_ + "/upload-" + std::to_string(++count_);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  /// The ErrorCode `scan` throws for the file, or none.
  static std::optional<ErrorCode> failureOf(ClamdScanner& scanner, const std::string& path) {
    try {
      scanner.scan(path);
    } catch (const Error& e) {
      return e.code();
    }
    return std::nullopt;
  }

  testing::ClamdDaemon clamd_;
  std::string dir_;
  int count_ = 0;
};

TEST_F(ClamdScannerTest, CleanFilesPassAndTheEicarStringIsNamedWhereverItIs) {
  ClamdScanner scanner(clamd_.settings());
  EXPECT_EQ(scanner.scan(fileWith("%PDF-1.4\nRapport d'activite\n%%EOF\n")), std::nullopt);
  EXPECT_EQ(scanner.scan(fileWith("")), std::nullopt);
  EXPECT_EQ(scanner.scan(fileWith(testing::kEicar)), testing::kEicarSignature);
  // Several chunks, the string straddling the boundary of the first two (64 KiB).
  std::string large(3 << 20, 'a');
  large.replace(65536 - 20, testing::kEicar.size(), testing::kEicar);
  EXPECT_EQ(scanner.scan(fileWith(large)), testing::kEicarSignature);
  EXPECT_EQ(scanner.scan(fileWith(std::string(3 << 20, 'a'))), std::nullopt);
}

TEST_F(ClamdScannerTest, AStoppedOrMissingDaemonIsUnavailableAtOnce) {
  const std::string path = fileWith("clean");
  clamd_.stop();
  ClamdScanner stopped(clamd_.settings());
  const auto started = SteadyClock::now();
  EXPECT_EQ(failureOf(stopped, path), ErrorCode::kUnavailable);
  ClamdScanner nowhere({dir_ + "/no-such.sock", 10});
  EXPECT_EQ(failureOf(nowhere, path), ErrorCode::kUnavailable);
  EXPECT_LT(SteadyClock::now() - started, std::chrono::seconds(1));
  try {
    stopped.scan(path);
  } catch (const Error& e) {
    ASSERT_TRUE(e.details());
    EXPECT_EQ(e.details()->getValue<std::string>("retry_after"), "30");
    EXPECT_EQ(e.field(), "file");
  }
}

TEST_F(ClamdScannerTest, AFrozenDaemonIsUnavailableAfterTheTimeout) {
  const std::string path = fileWith("clean");
  ClamdScanner scanner(clamd_.settings(1));
  clamd_.pause();
  const auto started = SteadyClock::now();
  EXPECT_EQ(failureOf(scanner, path), ErrorCode::kUnavailable);
  const auto waited = SteadyClock::now() - started;
  clamd_.resume();
  EXPECT_GE(waited, std::chrono::milliseconds(900));
  EXPECT_LT(waited, std::chrono::seconds(4));
  EXPECT_EQ(scanner.scan(path), std::nullopt) << "clamd answers again once resumed";
}

TEST_F(ClamdScannerTest, AFileOverClamdsStreamLimitGetsNoVerdict) {
  // The fixture's clamd takes 30 MiB (StreamMaxLength): past it, clamd refuses
  // the stream, which must never pass for clean.
  ClamdScanner scanner(clamd_.settings());
  EXPECT_EQ(failureOf(scanner, fileWith(std::string((30u << 20) + 4096, 'a'))), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace cqpm::documents
