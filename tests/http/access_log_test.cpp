// Every answered request leaves one access-log line an operator can grep: request id, client, request
// line, status, bytes, duration, user. The line is built by hand on the hot path, so its shape is
// pinned here.

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <regex>
#include <string>

#include "support/test_server.h"

namespace cqpm::testing {
namespace {

/// Keeps the lines a server thread logs; a reader waits for the line it expects, because the access
/// line is written after the answer has gone out, so the client may hear the answer first.
class LinesChannel : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      text_ += message.getText();
      text_ += '\n';
    }
    written_.notify_all();
  }

  /// The text once `pattern` is found in it, or as it is after two seconds.
  std::string waitFor(const std::regex& pattern) {
    std::unique_lock<std::mutex> lock(mutex_);
    written_.wait_for(lock, std::chrono::seconds(2), [&] { return std::regex_search(text_, pattern); });
    return text_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable written_;
  std::string text_;
};

/// Sends the "http" logger's lines to a LinesChannel for the test's life, then gives the channel back.
class CapturedAccessLog {
 public:
  CapturedAccessLog()
      : logger_(Poco::Logger::get("http")),
        previous_(logger_.getChannel()),
        level_(logger_.getLevel()),
        lines_(new LinesChannel) {
    logger_.setChannel(lines_);
    logger_.setLevel(Poco::Message::PRIO_INFORMATION);
  }
  ~CapturedAccessLog() {
    logger_.setChannel(previous_);
    logger_.setLevel(level_);
  }
  CapturedAccessLog(const CapturedAccessLog&) = delete;
  CapturedAccessLog& operator=(const CapturedAccessLog&) = delete;

  std::string waitFor(const std::regex& pattern) { return lines_->waitFor(pattern); }

 private:
  Poco::Logger& logger_;
  Poco::AutoPtr<Poco::Channel> previous_;
  int level_;
  Poco::AutoPtr<LinesChannel> lines_;
};

TEST(AccessLogTest, EachRequestGivesOneLineWithItsIdClientRequestStatusBytesDurationAndUser) {
  TestServer server("sqlite");
  const std::string token = server.client().login("centre");
  CapturedAccessLog log;
  const HttpAnswer health =
      server.client().request("GET", "/healthz?probe=1", "", {{"X-Request-Id", "probe-1"}});
  ASSERT_EQ(health.status, 200);
  const HttpAnswer missing = server.client().get("/api/v1/files/no-such-file", token);
  ASSERT_EQ(missing.status, 404);

  const std::regex anonymous("rid=probe-1 127\\.0\\.0\\.1 \"GET /healthz\\?probe=1\" 200 " +
                             std::to_string(health.body.size()) + " [0-9]+\\.[0-9]ms -\n");
  const std::string anonymous_text = log.waitFor(anonymous);
  EXPECT_TRUE(std::regex_search(anonymous_text, anonymous)) << anonymous_text;
  const std::regex signed_in("rid=[A-Za-z0-9_-]+ 127\\.0\\.0\\.1 \"GET /api/v1/files/no-such-file\" 404 " +
                             std::to_string(missing.body.size()) + " [0-9]+\\.[0-9]ms centre\n");
  const std::string signed_in_text = log.waitFor(signed_in);
  EXPECT_TRUE(std::regex_search(signed_in_text, signed_in)) << signed_in_text;
}

TEST(AccessLogTest, AVeryLongUriIsCutAt200Characters) {
  TestServer server("sqlite");
  CapturedAccessLog log;
  const std::string path = "/healthz?" + std::string(500, 'a');
  ASSERT_EQ(server.client().request("GET", path).status, 200);
  const std::string text = log.waitFor(std::regex("\"GET /healthz\\?a+\" 200 "));
  EXPECT_NE(text.find("\"GET " + path.substr(0, 200) + "\" 200 "), std::string::npos) << text;
  EXPECT_EQ(text.find(path.substr(0, 201)), std::string::npos) << text;
}

}  // namespace
}  // namespace cqpm::testing
