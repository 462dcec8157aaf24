// Slow and greedy clients cannot take the server from everyone else: a
// connection reaches a worker only once its whole request head has arrived,
// heads and idle connections have deadlines, and each client address has a
// cap. The server here has only 4 workers, so on a thread-per-connection
// server 4 slow clients would already shut everyone out.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <vector>

#include "app/server.h"
#include "support/instance.h"
#include "support/raw_http.h"

namespace cqpm::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

class SlowClientsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = makeTempDir("cqpm-slow");
    app::ServerConfig config = serverConfigIn(dir_);
    config.connections.max_threads = 4;
    config.connections.head_deadline_seconds = 1;
    config.connections.keep_alive_seconds = 1;
    config.connections.max_connections_per_client = 8;
    config.connections.max_head_bytes = 4096;
    server_ = std::make_unique<app::Server>(config);
    server_->start();
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  /// How long a legitimate GET /healthz from 127.0.0.1 takes to be answered 200.
  milliseconds healthzTime() const {
    const auto started = SteadyClock::now();
    auto socket = connectFrom(server_->port());
    sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string answer = readAnswerHead(socket, milliseconds(5000));
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
    return std::chrono::duration_cast<milliseconds>(SteadyClock::now() - started);
  }

  /// True when a GET /healthz from 127.0.0.1 is answered 200 while every
  /// connection of `held` is still open and unanswered: it was served before
  /// their head deadline, so they hold no worker. Whether the machine is fast
  /// does not matter, only the order of the two.
  bool servedWhileHeld(std::vector<Poco::Net::StreamSocket>& held) const {
    auto socket = connectFrom(server_->port());
    sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string answer = readAnswerHead(socket, milliseconds(10'000));
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
    for (auto& waiting : held) {
      if (waiting.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR))
        return false;  // answered (408) or closed: its deadline passed first
    }
    return true;
  }

  /// `count` connections from `count / 8 + 1` addresses (within the cap),
  /// each having sent `text`.
  std::vector<Poco::Net::StreamSocket> openMany(int count, const std::string& text) const {
    std::vector<Poco::Net::StreamSocket> sockets;
    for (int i = 0; i < count; ++i) {
      sockets.push_back(connectFrom(server_->port(), "127.0.1." + std::to_string(1 + i / 8)));
      if (!text.empty()) sendText(sockets.back(), text);
    }
    return sockets;
  }

  std::string dir_;
  std::unique_ptr<app::Server> server_;
};

TEST_F(SlowClientsTest, ClientsSendingTheirHeadSlowlyHoldNoWorker) {
  auto slow = openMany(32, "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  EXPECT_TRUE(servedWhileHeld(slow));
}

TEST_F(SlowClientsTest, IdleKeepAliveConnectionsHoldNoWorker) {
  auto idle = openMany(32, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  for (auto& socket : idle) {
    ASSERT_TRUE(readAnswerHead(socket, milliseconds(5000)).starts_with("HTTP/1.1 200"));
  }
  // Within their keep-alive second: the next step still sends on one of them.
  EXPECT_LT(healthzTime(), milliseconds(1000));
  // ... and each still carries its next request.
  sendText(idle.front(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(readAnswerHead(idle.front(), milliseconds(5000)).starts_with("HTTP/1.1 200"));
}

TEST_F(SlowClientsTest, AHeadThatDoesNotArriveInTimeIsAnswered408AndClosed) {
  auto socket = connectFrom(server_->port());
  sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n");
  const std::string answer = readUntilClosed(socket, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 408")) << answer;
  EXPECT_NE(answer.find("\"code\":\"request_timeout\""), std::string::npos) << answer;
  EXPECT_NE(answer.find("X-Content-Type-Options: nosniff"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
}

TEST_F(SlowClientsTest, AConnectionThatSendsNothingIsClosedSilently) {
  auto socket = connectFrom(server_->port());
  EXPECT_EQ(readUntilClosed(socket, milliseconds(5000)), "");
}

TEST_F(SlowClientsTest, AnIdleKeepAliveConnectionClosesAfterItsTimeout) {
  auto socket = connectFrom(server_->port());
  sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(readAnswerHead(socket, milliseconds(5000)).starts_with("HTTP/1.1 200"));
  EXPECT_TRUE(closedWithin(socket, milliseconds(4000)));
}

TEST_F(SlowClientsTest, AClientOverItsConnectionCapIsAnswered429) {
  auto held = openMany(8, "");  // 127.0.1.1 holds its 8
  auto one_more = connectFrom(server_->port(), "127.0.1.1");
  const std::string answer = readUntilClosed(one_more, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 429")) << answer;
  EXPECT_NE(answer.find("\"code\":\"rate_limited\""), std::string::npos) << answer;
  EXPECT_NE(answer.find("Retry-After:"), std::string::npos) << answer;
  // Other addresses are not affected.
  EXPECT_TRUE(servedWhileHeld(held));
  // Closing one gives its place back.
  held.front().close();
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto again = connectFrom(server_->port(), "127.0.1.1");
    sendText(again, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    if (readAnswerHead(again, milliseconds(2000)).starts_with("HTTP/1.1 200")) return;
  }
  ADD_FAILURE() << "the place of a closed connection was never given back";
}

TEST_F(SlowClientsTest, AHeadOverItsLimitIsAnswered431) {
  auto socket = connectFrom(server_->port());
  sendText(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(5000, 'a'));
  const std::string answer = readUntilClosed(socket, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 431")) << answer;
  EXPECT_NE(answer.find("\"code\":\"header_too_large\""), std::string::npos) << answer;
}

TEST_F(SlowClientsTest, PipelinedRequestsAreNeverMisread) {
  auto socket = connectFrom(server_->port());
  sendText(socket,
           "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: "
           "close\r\n\r\n");
  const std::string answers = readUntilClosed(socket, milliseconds(5000));
  // The first is answered whole; the second is answered too, or the
  // connection closes after the first (RFC 9112 §9.3.2 lets a client retry).
  EXPECT_EQ(answers.find("HTTP/1.1 200"), 0u) << answers;
  EXPECT_EQ(answers.find("HTTP/1.1 4"), std::string::npos) << answers;
  EXPECT_TRUE(closedWithin(socket, milliseconds(100))) << "the connection was left open";
}

}  // namespace
}  // namespace cqpm::testing
