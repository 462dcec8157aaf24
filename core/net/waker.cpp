#include "net/waker.h"

#include <Poco/Net/ServerSocket.h>

namespace cqpm::net {

Waker::Waker() {
  Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0), 1);
  write_end_.connect(listener.address());
  read_end_ = listener.acceptConnection();
  write_end_.setNoDelay(true);
  write_end_.setBlocking(false);
  read_end_.setBlocking(false);
}

void Waker::wake() {
  try {
    const char byte = 1;
    write_end_.sendBytes(&byte, 1);
  } catch (const Poco::Exception&) {
    // The pipe is full: the waited thread has wake-ups pending already.
  }
}

void Waker::drain() {
  char buffer[256];
  try {
    while (read_end_.receiveBytes(buffer, sizeof buffer) == static_cast<int>(sizeof buffer)) {
    }
  } catch (const Poco::Exception&) {
    // Nothing more to read.
  }
}

}  // namespace cqpm::net
