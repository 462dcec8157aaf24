#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include "api_fixture.h"

namespace cqpm::testing {
namespace {

using LimitsTest = ApiTest;

// Sends raw bytes and returns the status line, so tests control exactly what
// goes on the wire (headers without a body, conflicting framing).
std::string rawExchange(int port, const std::string& bytes) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  char buffer[4096];
  const int received = socket.receiveBytes(buffer, sizeof buffer);
  const std::string answer(buffer, received > 0 ? static_cast<std::size_t>(received) : 0);
  return answer.substr(0, answer.find("\r\n"));
}

TEST_P(LimitsTest, OversizedBodyIsRefusedBeforeItIsRead) {
  const std::string token = client().login("centre");
  // Only the headers are sent: a server that tried to read 50 MB would time out instead.
  const std::string status = rawExchange(
      server_->port(), "POST /api/v1/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                           "\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n");
  EXPECT_EQ(status.substr(0, 12), "HTTP/1.1 413") << status;
}

TEST_P(LimitsTest, ChunkedBodyOverTheLimitIsRefused) {
  const std::string token = client().login("centre");
  const std::string big(2 * 1024 * 1024, 'x');
  Poco::Net::StreamSocket socket(
      Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server_->port())));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  Poco::Net::SocketStream stream(socket);
  stream << "POST /api/v1/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " << token
         << "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  stream << std::hex << big.size() << "\r\n" << big << "\r\n0\r\n\r\n" << std::flush;
  std::string status_line;
  std::getline(stream, status_line);
  EXPECT_EQ(status_line.substr(0, 12), "HTTP/1.1 413") << status_line;
}

TEST_P(LimitsTest, ContentLengthWithTransferEncodingIsRefused) {
  const std::string status = rawExchange(
      server_->port(),
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\n"
      "Transfer-Encoding: chunked\r\n\r\n4\r\n{}{}\r\n0\r\n\r\n");
  EXPECT_EQ(status.substr(0, 12), "HTTP/1.1 400") << status;
}

TEST_P(LimitsTest, NonJsonBodyIsUnsupportedMediaType) {
  const auto answer = client().request("POST", "/api/v1/auth/login", "login=centre&password=demo",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(answer.status, 415);
  EXPECT_EQ(answer.errorCode(), "unsupported_media_type");
}

TEST_P(LimitsTest, ARefusedRequestLeavesTheKeepAliveConnectionUsable) {
  // A refusal before the body was read must not leave the body on the wire,
  // where it would be parsed as the next request.
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server_->port()));
  session.setKeepAlive(true);
  const std::string body = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n";  // a smuggled request
  Poco::Net::HTTPRequest refused("POST", "/api/v1/files", Poco::Net::HTTPMessage::HTTP_1_1);
  refused.set("Authorization", "Bearer not-a-session");
  refused.setContentType("application/json");
  refused.setContentLength64(static_cast<Poco::Int64>(body.size()));
  refused.setKeepAlive(true);
  session.sendRequest(refused) << body;
  Poco::Net::HTTPResponse first;
  std::string ignored;
  Poco::StreamCopier::copyToString(session.receiveResponse(first), ignored);
  EXPECT_EQ(first.getStatus(), 401);
  Poco::Net::HTTPRequest next("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(next);
  Poco::Net::HTTPResponse second;
  std::string text;
  Poco::StreamCopier::copyToString(session.receiveResponse(second), text);
  EXPECT_EQ(second.getStatus(), 200);
  EXPECT_EQ(text, "ok\n");
}

INSTANTIATE_TEST_SUITE_P(Backends, LimitsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
