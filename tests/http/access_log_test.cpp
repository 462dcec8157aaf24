// Every answered request leaves one access-log line an operator can grep: request id, client, request
// line, status, bytes, duration, user. The line is built by hand on the hot path, so its shape is
// pinned here.

#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>
#include <Poco/StreamChannel.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "support/test_server.h"

namespace cqpm::testing {
namespace {

/// Sends the "http" logger's lines to a string for the test's life, then gives the channel back.
class CapturedAccessLog {
 public:
  CapturedAccessLog()
      : logger_(Poco::Logger::get("http")), previous_(logger_.getChannel()), level_(logger_.getLevel()) {
    logger_.setChannel(new Poco::StreamChannel(lines_));
    logger_.setLevel(Poco::Message::PRIO_INFORMATION);
  }
  ~CapturedAccessLog() {
    logger_.setChannel(previous_);
    logger_.setLevel(level_);
  }
  CapturedAccessLog(const CapturedAccessLog&) = delete;
  CapturedAccessLog& operator=(const CapturedAccessLog&) = delete;

  std::string text() const { return lines_.str(); }

 private:
  Poco::Logger& logger_;
  Poco::AutoPtr<Poco::Channel> previous_;
  int level_;
  std::ostringstream lines_;
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

  const std::string text = log.text();
  const std::regex anonymous("rid=probe-1 127\\.0\\.0\\.1 \"GET /healthz\\?probe=1\" 200 " +
                             std::to_string(health.body.size()) + " [0-9]+\\.[0-9]ms -\n");
  EXPECT_TRUE(std::regex_search(text, anonymous)) << text;
  const std::regex signed_in("rid=[A-Za-z0-9_-]+ 127\\.0\\.0\\.1 \"GET /api/v1/files/no-such-file\" 404 " +
                             std::to_string(missing.body.size()) + " [0-9]+\\.[0-9]ms centre\n");
  EXPECT_TRUE(std::regex_search(text, signed_in)) << text;
}

TEST(AccessLogTest, AVeryLongUriIsCutAt200Characters) {
  TestServer server("sqlite");
  CapturedAccessLog log;
  const std::string path = "/healthz?" + std::string(500, 'a');
  ASSERT_EQ(server.client().request("GET", path).status, 200);
  const std::string text = log.text();
  EXPECT_NE(text.find("\"GET " + path.substr(0, 200) + "\" 200 "), std::string::npos) << text;
  EXPECT_EQ(text.find(path.substr(0, 201)), std::string::npos) << text;
}

}  // namespace
}  // namespace cqpm::testing
