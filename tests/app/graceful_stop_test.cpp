// Stopping (SIGTERM) drains: no new connection, idle keep-alive connections
// closed, and a bound on the whole stop even when a client never finishes its
// request.

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "app/server.h"
#include "support/instance.h"
#include "support/test_database.h"

namespace cqpm::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;

class GracefulStopTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = makeTempDir("cqpm-stop");
    app::ServerConfig config = serverConfigIn(dir_);
    config.connections.keep_alive_seconds =
        30;  // idle connections would outlive a stop that does not close them
    config.connections.read_timeout_seconds = 60;
    config.drain_seconds = 1;
    server_ = std::make_unique<app::Server>(config);
    server_->start();
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  Poco::Net::StreamSocket connect() const {
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server_->port())));
    socket.setReceiveTimeout(Poco::Timespan(20, 0));
    return socket;
  }

  static std::string readSome(Poco::Net::StreamSocket& socket) {
    char buffer[4096];
    const int got = socket.receiveBytes(buffer, sizeof buffer);
    return got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : std::string();
  }

  std::string dir_;
  std::unique_ptr<app::Server> server_;
};

TEST_F(GracefulStopTest, AnIdleKeepAliveConnectionIsClosedAndTheStopIsQuick) {
  auto socket = connect();
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  const std::string answer = readSome(socket);
  ASSERT_NE(answer.find("200"), std::string::npos) << answer;
  ASSERT_EQ(answer.find("Connection: close"), std::string::npos) << "kept alive before the stop";

  const auto started = SteadyClock::now();
  server_->stop();
  // The idle connection was closed by the server: the next read sees its end
  // (or a reset), not a 30 s keep-alive wait.
  std::string after;
  try {
    after = readSome(socket);
  } catch (const Poco::Exception&) {
  }
  EXPECT_EQ(after, "");
  EXPECT_LT(SteadyClock::now() - started, std::chrono::seconds(10));
}

TEST_F(GracefulStopTest, AClientThatNeverFinishesItsRequestDoesNotHoldTheStopPastItsBound) {
  auto socket = connect();
  const std::string half = "GET /healthz HTTP/1.1\r\nHost: x\r\n";  // the head never ends
  socket.sendBytes(half.data(), static_cast<int>(half.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server is reading it
  const auto started = SteadyClock::now();
  auto stopping = std::async(std::launch::async, [this] { server_->stop(); });
  ASSERT_EQ(stopping.wait_for(std::chrono::seconds(15)), std::future_status::ready)
      << "stop() still waiting for a slow client after 15 s (bound: 1 s + 2 s)";
  EXPECT_LT(SteadyClock::now() - started, std::chrono::seconds(10));
}

TEST_F(GracefulStopTest, NoNewConnectionIsServedOnceStopped) {
  const int port = server_->port();
  server_->stop();
  Poco::Net::StreamSocket socket;
  EXPECT_THROW(socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)),
                              Poco::Timespan(2, 0)),
               Poco::Exception);
}

}  // namespace
}  // namespace cqpm::testing
