// Request smuggling: a request whose body a proxy could delimit differently
// is refused with the JSON error shape and the connection closes, so its body
// is never read as a next request.

#include <Poco/String.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "app/server.h"
#include "support/instance.h"
#include "support/raw_http.h"

namespace cqpm::testing {
namespace {

using std::chrono::milliseconds;

struct FramingCase {
  const char* name;
  std::string head_fields;  ///< framing headers of a POST /api/v1/auth/login
  int status;
  const char* code;
};

// The body a proxy would read as a second request if the server misread the framing.
const std::string kSmuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

class FramingTest : public ::testing::TestWithParam<FramingCase> {
 protected:
  static void SetUpTestSuite() {
    dir_ = makeTempDir("cqpm-framing");
    server_ = new app::Server(serverConfigIn(dir_));
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(dir_);
  }
  static inline std::string dir_;
  static inline app::Server* server_ = nullptr;
};

TEST_P(FramingTest, IsRefusedAndTheConnectionCloses) {
  const FramingCase& given = GetParam();
  auto socket = connectFrom(server_->port());
  sendText(socket, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
                       given.head_fields + "\r\n" + kSmuggled);
  const std::string answer = readUntilClosed(socket, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 " + std::to_string(given.status))) << answer;
  EXPECT_NE(answer.find(std::string("\"code\":\"") + given.code + "\""), std::string::npos) << answer;
  EXPECT_NE(Poco::toLower(answer).find("connection: close"), std::string::npos) << answer;
  EXPECT_NE(answer.find("X-Content-Type-Options: nosniff"), std::string::npos) << answer;
  EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << "the body was read as a request:\n" << answer;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FramingTest,
    ::testing::Values(
        FramingCase{"LengthAndChunked", "Content-Length: 34\r\nTransfer-Encoding: chunked\r\n", 400,
                    "malformed_request"},
        FramingCase{"TwoDifferentLengths", "Content-Length: 0\r\nContent-Length: 34\r\n", 400,
                    "malformed_request"},
        FramingCase{"TheSameLengthTwice", "Content-Length: 0\r\nContent-Length: 0\r\n", 400,
                    "malformed_request"},
        FramingCase{"ListedLengths", "Content-Length: 0, 34\r\n", 400, "malformed_request"},
        FramingCase{"SignedLength", "Content-Length: +0\r\n", 400, "malformed_request"},
        FramingCase{"UnknownCoding", "Transfer-Encoding: xchunked\r\n", 400, "malformed_request"},
        FramingCase{"CodingList", "Transfer-Encoding: gzip, chunked\r\n", 400, "malformed_request"},
        FramingCase{"TwoCodingFields", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", 400,
                    "malformed_request"},
        FramingCase{"IdentityCoding", "Transfer-Encoding: identity\r\n", 400, "malformed_request"}),
    [](const auto& info) { return std::string(info.param.name); });

class RequestHeadTest : public FramingTest {};

TEST_F(RequestHeadTest, AnUnknownHttpVersionIsAnswered505InOurOwnVersion) {
  auto socket = connectFrom(server_->port());
  sendText(socket, "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n");
  const std::string answer = readUntilClosed(socket, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 505")) << answer;
  EXPECT_EQ(answer.find("9.9"), std::string::npos) << answer;
  EXPECT_NE(answer.find("\"code\":\"http_version_not_supported\""), std::string::npos) << answer;
}

TEST_F(RequestHeadTest, AMalformedHeadGetsTheJsonErrorWithoutEchoingIt) {
  auto socket = connectFrom(server_->port());
  sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\nBad\x01Header\xff without colon\r\n\r\n");
  const std::string answer = readUntilClosed(socket, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << answer;
  EXPECT_NE(answer.find("\"code\":\"malformed_request\""), std::string::npos) << answer;
  EXPECT_NE(answer.find("X-Frame-Options: DENY"), std::string::npos) << answer;
  EXPECT_EQ(answer.find('\xff'), std::string::npos) << answer;
}

TEST_F(RequestHeadTest, LinesALenientParserWouldSkipOrJoinAreRefused) {
  for (const std::string line : {"No colon here", "Name : space before the colon", " folded continuation",
                                 "Bad\x01Name: x", "Name: value with a \x01 control", "Name: bare\rCR"}) {
    auto socket = connectFrom(server_->port());
    sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n");
    const std::string answer = readUntilClosed(socket, milliseconds(5000));
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << line << "\n" << answer;
    EXPECT_NE(answer.find("\"code\":\"malformed_request\""), std::string::npos) << answer;
  }
}

TEST_F(RequestHeadTest, ChunkedBodiesStillWork) {
  auto socket = connectFrom(server_->port());
  const std::string body = R"({"login":"nobody","password":"x"})";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  sendText(socket,
           "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
               std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n");
  const std::string answer = readUntilClosed(socket, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 401")) << answer;
}

TEST_F(RequestHeadTest, ExpectContinueGetsItsInterimAnswer) {
  auto socket = connectFrom(server_->port());
  const std::string body = R"({"login":"nobody","password":"x"})";
  sendText(socket,
           "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n");
  EXPECT_TRUE(readAnswerHead(socket, milliseconds(5000)).starts_with("HTTP/1.1 100"));
  sendText(socket, body);
  EXPECT_NE(readUntilClosed(socket, milliseconds(5000)).find("HTTP/1.1 401"), std::string::npos);
}

}  // namespace
}  // namespace cqpm::testing
