#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <thread>

#include "notifications/notify_fixture.h"

// Live updates of a file page: GET /files/{id}/stream as server-sent events,
// read here from a raw socket as a browser's EventSource would.

namespace cqpm::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// An open GET on the server, read as it arrives.
class SseClient {
 public:
  SseClient(int port, const std::string& path, const std::map<std::string, std::string>& headers)
      : socket_(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port))) {
    socket_.setReceiveTimeout(Poco::Timespan(0, 20 * 1000));
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    request += "\r\n";
    socket_.sendBytes(request.data(), static_cast<int>(request.size()));
  }

  /// Reads until `needle` has arrived or `timeout` passed; true if it arrived.
  bool waitFor(const std::string& needle, milliseconds timeout) {
    const auto deadline = SteadyClock::now() + timeout;
    while (received_.find(needle) == std::string::npos) {
      if (SteadyClock::now() > deadline || closed_) return false;
      readSome();
    }
    return true;
  }

  /// Reads until the server closes the connection; true if it did within `timeout`.
  bool waitForClose(milliseconds timeout) {
    const auto deadline = SteadyClock::now() + timeout;
    while (!closed_ && SteadyClock::now() < deadline) readSome();
    return closed_;
  }

  int status() {
    waitFor("\r\n\r\n", milliseconds(5000));
    return received_.size() > 12 ? std::stoi(received_.substr(9, 3)) : 0;
  }

  const std::string& received() const { return received_; }
  void close() { socket_.close(); }

 private:
  void readSome() {
    char buffer[4096];
    try {
      const int n = socket_.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) {
        closed_ = true;
        return;
      }
      received_.append(buffer, static_cast<std::size_t>(n));
    } catch (const Poco::TimeoutException&) {
    } catch (const Poco::Net::NetException&) {
      closed_ = true;
    }
  }

  Poco::Net::StreamSocket socket_;
  std::string received_;
  bool closed_ = false;
};

class StreamTest : public NotifyTest {
 protected:
  SseClient open(const std::string& token, const std::string& file,
                 std::map<std::string, std::string> headers = {}, const std::string& query = "") const {
    headers["Authorization"] = "Bearer " + token;
    return SseClient(server_->port(), "/api/v1/files/" + file + "/stream" + query, headers);
  }

  static std::string eventHead(int seq) {
    return "id: " + std::to_string(seq) + "\nevent: file_event\ndata: {";
  }
};

TEST_P(StreamTest, AnotherPersonsChangeArrivesOnTheOpenStream) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);  // events 1 (created) and 2 (registered)
  SseClient stream = open(client().login("entreprise"), file);
  ASSERT_EQ(stream.status(), 200) << stream.received();
  EXPECT_NE(stream.received().find("Content-Type: text/event-stream"), std::string::npos)
      << stream.received();
  ASSERT_TRUE(stream.waitFor("retry: ", milliseconds(2000)));

  ASSERT_EQ(fire(centre, file, "withdraw", 2, R"({"reason":"Abandon du candidat"})").status, 200);
  // Pushed at the next read of the event log (every 250 ms), well within the wait.
  ASSERT_TRUE(stream.waitFor(eventHead(3), milliseconds(5000))) << stream.received();
  EXPECT_NE(stream.received().find(R"("transition":"withdraw")"), std::string::npos);
  EXPECT_EQ(stream.received().find(eventHead(2)), std::string::npos);  // only what happened from now on
}

/// Streams served on a 30-second tick and reading the event log unwoken once
/// a minute: an event can only arrive sooner because its commit woke them.
class StreamWokenOnCommitTest : public StreamTest {
 protected:
  void configure(app::ServerConfig& config) override {
    config.http.stream_timing.poll = std::chrono::seconds(30);
    config.http.stream_timing.unwoken_read = std::chrono::seconds(60);
  }
};

TEST_P(StreamWokenOnCommitTest, AnEventArrivesAsSoonAsItsCommitNotAtTheNextTick) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const std::string other_file = registeredFile(centre);
  SseClient stream = open(client().login("entreprise"), file);
  ASSERT_EQ(stream.status(), 200) << stream.received();
  ASSERT_TRUE(stream.waitFor("retry: ", milliseconds(2000)));
  // Another file's change wakes only that file's streams: nothing comes here.
  ASSERT_EQ(fire(centre, other_file, "withdraw", 2, R"({"reason":"Autre dossier"})").status, 200);
  const auto fired = SteadyClock::now();
  ASSERT_EQ(fire(centre, file, "withdraw", 2, R"({"reason":"Abandon du candidat"})").status, 200);
  ASSERT_TRUE(stream.waitFor(eventHead(3), milliseconds(5000))) << stream.received();
  EXPECT_LT(SteadyClock::now() - fired, milliseconds(5000));
  EXPECT_EQ(stream.received().find("Autre dossier"), std::string::npos) << stream.received();
  EXPECT_EQ(stream.received().find(eventHead(4)), std::string::npos);
}

TEST_P(StreamTest, AReconnectingClientGetsWhatItMissed) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  SseClient resumed = open(centre, file, {{"Last-Event-ID", "1"}});
  ASSERT_TRUE(resumed.waitFor(eventHead(2), milliseconds(2000))) << resumed.received();
  EXPECT_EQ(resumed.received().find(eventHead(1)), std::string::npos);

  SseClient from_start = open(centre, file, {}, "?after=0");
  ASSERT_TRUE(from_start.waitFor(eventHead(2), milliseconds(2000))) << from_start.received();
  EXPECT_NE(from_start.received().find(eventHead(1)), std::string::npos);

  // The browser's EventSource sends the session cookie.
  SseClient by_cookie(server_->port(), "/api/v1/files/" + file + "/stream?after=1",
                      {{"Cookie", "cqpm_session=" + centre}});
  EXPECT_TRUE(by_cookie.waitFor(eventHead(2), milliseconds(2000))) << by_cookie.received();
}

TEST_P(StreamTest, AFileOutOfScopeHasNoStream) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const auto other = client().get("/api/v1/files/" + file + "/stream", client().login("centre2"));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.errorCode(), "not_found");
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/stream", "").status, 401);
  const auto bad = client().request("GET", "/api/v1/files/" + file + "/stream", {},
                                    {{"Authorization", "Bearer " + centre}, {"Last-Event-ID", "x"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.errorField(), "Last-Event-ID");
}

TEST_P(StreamTest, AClientThatLeavesFreesItsPlace) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  {
    SseClient stream = open(centre, file);
    ASSERT_EQ(stream.status(), 200);
    EXPECT_EQ(app().streams().openStreams(), 1);
    stream.close();
  }
  const auto deadline = SteadyClock::now() + milliseconds(2000);
  while (app().streams().openStreams() > 0 && SteadyClock::now() < deadline)
    std::this_thread::sleep_for(milliseconds(20));
  EXPECT_EQ(app().streams().openStreams(), 0);
}

TEST_P(StreamTest, StoppingTheServerEndsOpenStreamsPromptly) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  SseClient stream = open(centre, file);
  ASSERT_EQ(stream.status(), 200);
  ASSERT_TRUE(stream.waitFor("retry: ", milliseconds(2000)));
  app().stop();
  EXPECT_TRUE(stream.waitForClose(milliseconds(5000)));
}

TEST_P(StreamTest, LoggingOutEndsTheSessionsStreamsAtOnce) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  SseClient stream = open(centre, file);
  ASSERT_EQ(stream.status(), 200);
  ASSERT_TRUE(stream.waitFor("retry: ", milliseconds(2000)));
  ASSERT_EQ(
      client().request("POST", "/api/v1/auth/logout", "", {{"Authorization", "Bearer " + centre}}).status,
      204);
  EXPECT_TRUE(stream.waitForClose(milliseconds(5000)));
}

class StreamCapTest : public StreamTest {
 protected:
  void configure(app::ServerConfig& config) override { config.max_streams = 2; }
};

TEST_P(StreamCapTest, StreamsBeyondTheCapWaitTheirTurn) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  SseClient first = open(centre, file);
  SseClient second = open(centre, file);
  ASSERT_EQ(first.status(), 200);
  ASSERT_EQ(second.status(), 200);
  const auto third = client().get("/api/v1/files/" + file + "/stream", centre);
  EXPECT_EQ(third.status, 503);
  EXPECT_EQ(third.errorCode(), "unavailable");
  EXPECT_EQ(third.headers.at("retry-after"), "5");
  // Ordinary requests still have threads.
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre).status, 200);
}

// Streams hold a socket, not a worker: with 4 workers, 7 open streams leave
// ordinary requests answered at once; and one account cannot take every place.
class StreamWorkersTest : public StreamTest {
 protected:
  void configure(app::ServerConfig& config) override {
    config.connections.max_threads = 4;
    config.max_streams = 20;
    config.max_streams_per_user = 4;
  }
};

TEST_P(StreamWorkersTest, OpenStreamsHoldNoWorkerAndEachAccountHasItsShare) {
  const std::string centre = client().login("centre");
  const std::string company = client().login("entreprise");
  const std::string file = registeredFile(centre);
  std::vector<std::unique_ptr<SseClient>> streams;
  for (const auto& token : {centre, centre, centre, centre, company, company, company}) {
    streams.push_back(std::make_unique<SseClient>(open(token, file)));
    ASSERT_EQ(streams.back()->status(), 200);
  }
  // Were the streams holding the 4 workers, this would wait for them to end.
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre).status, 200);

  const auto fifth = client().get("/api/v1/files/" + file + "/stream", centre);
  EXPECT_EQ(fifth.status, 503);
  EXPECT_EQ(fifth.headers.at("retry-after"), "5");
  // Another account still gets its share.
  SseClient other = open(company, file);
  EXPECT_EQ(other.status(), 200) << other.received();
  // Every stream still receives what happens.
  ASSERT_EQ(fire(centre, file, "withdraw", 2, R"({"reason":"Abandon du candidat"})").status, 200);
  for (auto& stream : streams) EXPECT_TRUE(stream->waitFor(eventHead(3), milliseconds(2000)));
}

INSTANTIATE_TEST_SUITE_P(Backends, StreamWorkersTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, StreamTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, StreamWokenOnCommitTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, StreamCapTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
