#pragma once

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cqpm::testing {

/// One message as the sink received it.
struct ReceivedMail {
  std::string from;                     ///< MAIL FROM address
  std::vector<std::string> recipients;  ///< RCPT TO addresses
  std::string data;                     ///< headers and body, as sent after DATA

  /// The value of a header of `data` (first occurrence, name in any case), or empty.
  std::string header(const std::string& name) const;
};

/// A real SMTP server for tests, on a loopback port chosen by the system: it
/// speaks enough SMTP (220, EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP,
/// QUIT) for Poco's SMTPClientSession and keeps every message it accepts.
/// failNext(n) makes it refuse the next n messages (451) to test retries.
/// One connection at a time, on its own thread; stopped when destroyed.
class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return socket_.address().port(); }
  std::vector<ReceivedMail> messages() const;
  /// Waits until at least `count` messages arrived; false on timeout.
  bool waitFor(std::size_t count, std::chrono::milliseconds timeout) const;
  void failNext(int count) { fail_next_ = count; }

 private:
  void serve();
  void converse(Poco::Net::StreamSocket& connection);

  Poco::Net::ServerSocket socket_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> fail_next_{0};
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<ReceivedMail> messages_;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace cqpm::testing
