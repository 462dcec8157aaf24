#include "support/raw_http.h"

#include <Poco/Net/SocketAddress.h>

namespace cqpm::testing {

namespace {

using SteadyClock = std::chrono::steady_clock;

// One bounded read into `into`: the byte count, 0 on a clean close, -1 on a
// reset, -2 when nothing arrived before `deadline`.
int readOnce(Poco::Net::StreamSocket& socket, std::string& into, SteadyClock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - SteadyClock::now());
  if (left.count() <= 0) return -2;
  if (!socket.poll(Poco::Timespan(left.count()), Poco::Net::Socket::SELECT_READ)) return -2;
  char buffer[8192];
  try {
    const int got = socket.receiveBytes(buffer, sizeof buffer);
    if (got > 0) into.append(buffer, static_cast<std::size_t>(got));
    return got;
  } catch (const Poco::Exception&) {
    return -1;  // reset
  }
}

}  // namespace

Poco::Net::StreamSocket connectFrom(int port, const std::string& from) {
  Poco::Net::StreamSocket socket;
  socket.impl()->bind(Poco::Net::SocketAddress(from, 0), false);
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)),
                 Poco::Timespan(5, 0));
  return socket;
}

void sendText(Poco::Net::StreamSocket& socket, const std::string& text) {
  socket.sendBytes(text.data(), static_cast<int>(text.size()));
}

std::string readUntilClosed(Poco::Net::StreamSocket& socket, std::chrono::milliseconds timeout) {
  std::string received;
  const auto deadline = SteadyClock::now() + timeout;
  while (readOnce(socket, received, deadline) > 0) {
  }
  return received;
}

std::string readAnswerHead(Poco::Net::StreamSocket& socket, std::chrono::milliseconds timeout) {
  std::string received;
  const auto deadline = SteadyClock::now() + timeout;
  while (received.find("\r\n\r\n") == std::string::npos) {
    if (readOnce(socket, received, deadline) <= 0) break;
  }
  return received;
}

bool readUntilFound(Poco::Net::StreamSocket& socket, std::string& received, const std::string& wanted,
                    std::chrono::milliseconds timeout) {
  const auto deadline = SteadyClock::now() + timeout;
  while (received.find(wanted) == std::string::npos) {
    if (readOnce(socket, received, deadline) <= 0) return false;
  }
  return true;
}

bool closedWithin(Poco::Net::StreamSocket& socket, std::chrono::milliseconds timeout) {
  std::string ignored;
  const auto deadline = SteadyClock::now() + timeout;
  for (;;) {
    const int got = readOnce(socket, ignored, deadline);
    if (got == 0 || got == -1) return true;
    if (got == -2) return false;
  }
}

}  // namespace cqpm::testing
