#include "net/acceptor.h"

#include <Poco/Logger.h>
#include <sys/socket.h>

#include <algorithm>

#include "net/head_peek.h"
#include "net/head_scan.h"

namespace cqpm::net {

namespace {

using SteadyClock = std::chrono::steady_clock;

int descriptorOf(const Poco::Net::Socket& socket) { return static_cast<int>(socket.impl()->sockfd()); }

// Reads and drops what the client already sent, without waiting, so that
// closing does not reset the connection before the client reads our answer.
void discardPending(Poco::Net::StreamSocket& socket) {
  char buffer[16384];
  try {
    socket.setBlocking(false);
    for (int reads = 0; reads < 8; ++reads) {
      if (socket.receiveBytes(buffer, sizeof buffer) <= 0) break;
    }
  } catch (const Poco::Exception&) {
    // Nothing more to read, or the client is gone.
  }
}

}  // namespace

Acceptor::Acceptor(const Poco::Net::ServerSocket& listener, const ConnectionLimits& limits,
                   AddressCounter& counter, Ready ready, Refusal refusal)
    : listener_(listener),
      limits_(limits),
      counter_(counter),
      ready_(std::move(ready)),
      refusal_(std::move(refusal)),
      port_(listener_.address().port()) {
  listener_.setBlocking(false);
}

void Acceptor::start() {
  poll_set_.add(listener_, Poco::Net::PollSet::POLL_READ);
  poll_set_.add(waker_.readEnd(), Poco::Net::PollSet::POLL_READ);
  thread_ = std::thread([this] { run(); });
}

void Acceptor::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  waker_.wake();
  if (thread_.joinable()) thread_.join();
  for (auto& [fd, watched] : watched_) watched.connection.close();
  watched_.clear();
  listener_.close();
  std::lock_guard lock(mutex_);
  for (auto& connection : given_back_) connection.close();
  given_back_.clear();
}

void Acceptor::giveBack(Connection&& connection) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      connection.close();
      return;
    }
    given_back_.push_back(std::move(connection));
  }
  waker_.wake();
}

void Acceptor::run() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    const auto wait = untilNextDeadline(SteadyClock::now());
    Poco::Net::PollSet::SocketModeMap events;
    try {
      events = poll_set_.poll(Poco::Timespan(static_cast<long>(wait.count()) * 1000));
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("http").error("polling connections failed: %s", e.displayText());
      continue;
    }
    for (const auto& [socket, mode] : events) {
      const int fd = descriptorOf(socket);
      if (fd == descriptorOf(listener_)) {
        acceptWaiting();
      } else if (fd == descriptorOf(waker_.readEnd())) {
        waker_.drain();
      } else {
        inspect(fd);
      }
    }
    const auto now = SteadyClock::now();
    takeGivenBack(now);
    expire(now);
  }
}

void Acceptor::acceptWaiting() {
  // A bounded batch per wake-up, so a connection flood cannot starve the
  // connections already watched.
  for (int accepted = 0; accepted < 64; ++accepted) {
    Poco::Net::StreamSocket socket;
    Poco::Net::SocketAddress peer;
    try {
      if (!listener_.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) return;
      socket = listener_.acceptConnection(peer);
    } catch (const Poco::Exception& e) {
      // Out of descriptors, or the client gave up before we accepted it.
      Poco::Logger::get("http").warning("cannot accept a connection: %s", e.displayText());
      return;
    }
    auto ticket = counter_.tryTake(peer.host().toString());
    Connection connection{socket, ticket ? std::move(*ticket) : AddressCounter::Ticket()};
    if (!ticket) {
      refuse(connection, Error(ErrorCode::kRateLimited,
                               "too many connections are open from your address: close some and try again"));
      continue;
    }
    try {
      connection.socket.setNoDelay(true);
    } catch (const Poco::Exception&) {
      // Not fatal: only latency.
    }
    watch(std::move(connection), SteadyClock::now());
  }
}

void Acceptor::watch(Connection&& connection, TimePoint now) {
  const int fd = descriptorOf(connection.socket);
  // A new connection's first head must arrive within the head deadline; an
  // idle one may wait for its next request up to the keep-alive timeout.
  const int seconds = connection.served_before ? limits_.keep_alive_seconds : limits_.head_deadline_seconds;
  try {
    poll_set_.add(connection.socket, Poco::Net::PollSet::POLL_READ);
  } catch (const Poco::Exception&) {
    connection.close();
    return;
  }
  watched_.insert_or_assign(fd, Watched{std::move(connection), now + std::chrono::seconds(seconds)});
}

void Acceptor::inspect(int fd) {
  auto found = watched_.find(fd);
  if (found == watched_.end()) return;
  Watched& watched = found->second;
  std::optional<std::string> received = peekHead(watched.connection.socket, limits_.max_head_bytes);
  if (!received) {  // closed by the client, or reset
    release(fd).close();
    return;
  }
  const std::string& peeked = *received;
  switch (scanHead(peeked, limits_.max_head_bytes)) {
    case HeadState::kComplete: {
      const bool low_water_raised = watched.low_water != 1;
      Connection connection = release(fd);
      try {
        // Back to ordinary reads for the worker: one byte wakes a read again
        // (a head that came in one piece never raised it: no system call).
        if (low_water_raised) connection.socket.setOption(SOL_SOCKET, SO_RCVLOWAT, 1);
      } catch (const Poco::Exception&) {
        connection.close();
        return;
      }
      if (auto defect = headDefect(peeked)) {
        refuse(connection, Error(ErrorCode::kMalformedRequest, "the request head is malformed: " + *defect));
        return;
      }
      if (!ready_(connection)) {
        refuse(connection, Error(ErrorCode::kUnavailable, "the server is busy: try again in a few seconds"));
      }
      return;
    }
    case HeadState::kTooLarge: {
      Connection connection = release(fd);
      refuse(connection,
             Error(ErrorCode::kHeaderTooLarge,
                   "the request head is larger than " + std::to_string(limits_.max_head_bytes) + " bytes"));
      return;
    }
    case HeadState::kIncomplete:
      if (!watched.head_started) {
        watched.head_started = true;
        watched.deadline = SteadyClock::now() + std::chrono::seconds(limits_.head_deadline_seconds);
      }
      // Level-triggered polling would report the same bytes again at once:
      // ask the kernel to wake us only when more have arrived.
      watched.low_water = static_cast<int>(peeked.size()) + 1;
      try {
        watched.connection.socket.setOption(SOL_SOCKET, SO_RCVLOWAT, watched.low_water);
      } catch (const Poco::Exception&) {
        release(fd).close();
      }
      return;
  }
}

void Acceptor::expire(TimePoint now) {
  std::vector<int> expired;
  for (const auto& [fd, watched] : watched_) {
    if (watched.deadline <= now) expired.push_back(fd);
  }
  for (const int fd : expired) {
    const bool head_started = watched_.at(fd).head_started;
    Connection connection = release(fd);
    if (head_started) {
      refuse(connection, Error(ErrorCode::kRequestTimeout, "the request head took more than " +
                                                               std::to_string(limits_.head_deadline_seconds) +
                                                               " seconds to arrive"));
    } else {
      connection.close();  // idle: nothing was asked, nothing to answer
    }
  }
}

void Acceptor::takeGivenBack(TimePoint now) {
  std::vector<Connection> connections;
  {
    std::lock_guard lock(mutex_);
    connections.swap(given_back_);
  }
  for (auto& connection : connections) watch(std::move(connection), now);
}

void Acceptor::refuse(Connection& connection, const Error& error) {
  try {
    const std::string answer = refusal_(error);
    connection.socket.setBlocking(false);
    connection.socket.sendBytes(answer.data(), static_cast<int>(answer.size()));
    connection.socket.shutdownSend();
  } catch (const Poco::Exception&) {
    // The client is gone or not reading: closing is all that is left.
  }
  discardPending(connection.socket);
  connection.close();
}

Connection Acceptor::release(int fd) {
  auto found = watched_.find(fd);
  Connection connection = std::move(found->second.connection);
  try {
    poll_set_.remove(connection.socket);
  } catch (const Poco::Exception&) {
    // Not in the set any more: nothing to undo.
  }
  watched_.erase(found);
  return connection;
}

std::chrono::milliseconds Acceptor::untilNextDeadline(TimePoint now) const {
  auto wait = std::chrono::milliseconds(1000);
  for (const auto& [fd, watched] : watched_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(watched.deadline - now);
    wait = std::min(wait, std::max(left, std::chrono::milliseconds(0)));
  }
  return wait + std::chrono::milliseconds(1);
}

}  // namespace cqpm::net
