#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace cqpm::auth {

/// Slows password guessing: after `max_failures` failed logins for the same
/// login from the same address within `window`, further attempts are refused
/// (429) until the window has passed. A success clears the record. In memory
/// and per process, which is enough to make online guessing impractical.
/// Thread-safe.
class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  LoginThrottle(int max_failures = 10, std::chrono::seconds window = std::chrono::minutes(5))
      : max_failures_(max_failures), window_(window) {}

  /// Seconds to wait before trying again, or 0 when an attempt is allowed now.
  int retryAfterSeconds(const std::string& login, const std::string& address,
                        Clock::time_point now = Clock::now());
  void recordFailure(const std::string& login, const std::string& address,
                     Clock::time_point now = Clock::now());
  void recordSuccess(const std::string& login, const std::string& address);

 private:
  struct Record {
    int failures = 0;
    Clock::time_point window_start;
  };

  int max_failures_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Record> records_;  // guarded by mutex_
};

}  // namespace cqpm::auth
