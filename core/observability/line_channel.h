#pragma once

#include <Poco/Channel.h>

namespace cqpm::observability {

/// Writes each log message as one line to a file descriptor (the server's
/// stderr) with a single write(2): no lock, no stream, and lines of several
/// threads never interleave (one write each, atomic on a pipe up to
/// PIPE_BUF). Poco's ConsoleChannel took a mutex and made two system calls
/// per line (the text, then endl's flush), an access log line being on the
/// path of every request. Synchronous on purpose: what was logged before a
/// crash is on the descriptor.
class LineChannel : public Poco::Channel {
 public:
  explicit LineChannel(int fd) : fd_(fd) {}
  void log(const Poco::Message& message) override;

 private:
  int fd_;
};

}  // namespace cqpm::observability
