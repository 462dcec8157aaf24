// The keep-alive client of the read benchmark against a scripted server on a
// loopback port: each answer's bytes are sent in the pieces the test gives, so
// framing across reads is exercised, and what the client refuses is checked.
// (Named *_tests.cpp: see bench_support_tests.cpp.)

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "keep_alive_connection.h"

namespace cqpm::bench {
namespace {

/// One accepted connection: for each script, reads one request head, then
/// sends the script's pieces one by one (a pause between them, so they arrive
/// as separate reads). Closes the connection after the last script.
class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<std::vector<std::string>> scripts)
      : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)),
        thread_([this, scripts = std::move(scripts)] { serve(scripts); }) {}
  ~ScriptedServer() { thread_.join(); }
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  int port() const { return socket_.address().port(); }
  /// The request heads received, once the server is done (after destruction of the client).
  const std::vector<std::string>& requests() const { return requests_; }

 private:
  void serve(const std::vector<std::vector<std::string>>& scripts) {
    Poco::Net::StreamSocket connection = socket_.acceptConnection();
    connection.setReceiveTimeout(Poco::Timespan(5, 0));
    for (const auto& pieces : scripts) {
      std::string head;
      char byte = 0;
      while (head.find("\r\n\r\n") == std::string::npos && connection.receiveBytes(&byte, 1) == 1)
        head += byte;
      requests_.push_back(head);
      for (const auto& piece : pieces) {
        connection.sendBytes(piece.data(), static_cast<int>(piece.size()));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    connection.close();
  }

  Poco::Net::ServerSocket socket_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

constexpr auto kTimeout = std::chrono::seconds(5);
const std::string kRequest = "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

TEST(KeepAliveConnectionTest, ReadsAnswersFramedByContentLengthAcrossReads) {
  const std::string big(40 * 1024, 'b');  // more than the first buffer
  ScriptedServer server(
      {{"HTTP/1.1 200 OK\r\nconTent-LENGTH:  5 \r\n", "\r\nhel", "lo"},
       {"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"},
       {"HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(big.size()) + "\r\n\r\n", big}});
  {
    KeepAliveConnection connection(server.port(), kTimeout);
    RawAnswer answer = connection.exchange(kRequest);
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "hello");
    EXPECT_FALSE(answer.closes);
    answer = connection.exchange(kRequest);
    EXPECT_EQ(answer.status, 404);
    EXPECT_EQ(answer.body, "");
    answer = connection.exchange(kRequest);
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, big);
  }
  ASSERT_EQ(server.requests().size(), 3U);
  EXPECT_EQ(server.requests()[0], kRequest);
}

TEST(KeepAliveConnectionTest, SaysWhenTheServerClosesTheConnection) {
  ScriptedServer server({{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"}});
  KeepAliveConnection connection(server.port(), kTimeout);
  const RawAnswer answer = connection.exchange(kRequest);
  EXPECT_EQ(answer.body, "ok");
  EXPECT_TRUE(answer.closes);
}

std::string failureOf(const std::vector<std::string>& pieces) {
  ScriptedServer server({pieces});
  KeepAliveConnection connection(server.port(), kTimeout);
  try {
    connection.exchange(kRequest);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(KeepAliveConnectionTest, RefusesWhatItCannotFrame) {
  EXPECT_NE(failureOf({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"})
                .find("Transfer-Encoding"),
            std::string::npos);
  EXPECT_NE(failureOf({"HTTP/1.1 200 OK\r\n\r\nok"}).find("without Content-Length"), std::string::npos);
  EXPECT_NE(failureOf({"SSH-2.0-x\r\n\r\n"}).find("not an HTTP answer"), std::string::npos);
  EXPECT_NE(failureOf({"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"}).find("bad Content-Length"),
            std::string::npos);
  // The server closes before the whole body came.
  EXPECT_EQ(failureOf({"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nok"}),
            "the server closed the connection");
}

TEST(KeepAliveConnectionTest, NamesThePortItCouldNotReach) {
  int port = 0;
  {
    const Poco::Net::ServerSocket unused(Poco::Net::SocketAddress("127.0.0.1", 0));
    port = unused.address().port();
  }
  try {
    KeepAliveConnection connection(port, kTimeout);
    ADD_FAILURE() << "connected to a closed port";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(port)), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cqpm::bench
