#pragma once

#include <chrono>
#include <string>
#include <string_view>

// The load generator's side of one HTTP/1.1 keep-alive connection: as little
// client work per request as a benchmark can afford (one write, reads into a
// reused buffer, the head scanned once), since the client shares the CPUs
// with the servers it measures and a heavy client would flatter the slower one.

namespace cqpm::bench {

/// One answer read off the connection; `body` is valid until the next exchange.
struct RawAnswer {
  int status = 0;
  std::string_view body;
  bool closes = false;  ///< the server said "Connection: close": the connection is done
};

/// A keep-alive connection to 127.0.0.1:port with TCP_NODELAY (as curl and
/// browsers), every read and write bounded by `timeout`. Bodies are framed by
/// Content-Length; a chunked or unframed answer is an error (neither server
/// measured sends one for these requests). Not thread-safe: one per client thread.
class KeepAliveConnection {
 public:
  KeepAliveConnection(int port, std::chrono::milliseconds timeout);
  ~KeepAliveConnection();
  KeepAliveConnection(const KeepAliveConnection&) = delete;
  KeepAliveConnection& operator=(const KeepAliveConnection&) = delete;

  /// Sends `request` (a whole request head, ending with an empty line, no
  /// body) and reads its answer. Throws std::runtime_error on a closed
  /// connection, a timeout or an answer it cannot frame.
  RawAnswer exchange(std::string_view request);

 private:
  /// Reads more bytes into buffer_; throws when the server closed or timed out.
  void receiveMore();

  int fd_ = -1;
  std::string buffer_;
  std::size_t used_ = 0;      // bytes of buffer_ holding received data
  std::size_t consumed_ = 0;  // bytes of buffer_ already returned (the last answer)
};

}  // namespace cqpm::bench
