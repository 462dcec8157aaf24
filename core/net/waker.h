#pragma once

#include <Poco/Net/StreamSocket.h>

namespace cqpm::net {

/// Wakes a thread blocked in Poco's PollSet from another thread: a connected
/// pair of loopback sockets whose read end sits in the poll set. (Poco 1.11's
/// PollSet has no wake-up of its own.) wake() is thread-safe.
class Waker {
 public:
  Waker();
  /// Makes readEnd() readable; never blocks.
  void wake();
  /// Consumes the wake-ups so far; call when readEnd() polls readable.
  void drain();
  const Poco::Net::StreamSocket& readEnd() const { return read_end_; }

 private:
  Poco::Net::StreamSocket write_end_;
  Poco::Net::StreamSocket read_end_;
};

}  // namespace cqpm::net
