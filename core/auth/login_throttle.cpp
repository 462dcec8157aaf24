#include "auth/login_throttle.h"

namespace cqpm::auth {

int LoginThrottle::retryAfterSeconds(const std::string& login, const std::string& address,
                                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto found = records_.find({login, address});
  if (found == records_.end()) return 0;
  const Record& record = found->second;
  const auto window_end = record.window_start + window_;
  if (now >= window_end) {
    records_.erase(found);
    return 0;
  }
  if (record.failures < max_failures_) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(window_end - now).count());
}

void LoginThrottle::recordFailure(const std::string& login, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  // Bound memory under a spray of distinct logins: forget expired records first.
  if (records_.size() > 100000) {
    std::erase_if(records_, [&](const auto& entry) { return now >= entry.second.window_start + window_; });
  }
  Record& record = records_[{login, address}];
  if (record.failures == 0 || now >= record.window_start + window_) {
    record = Record{0, now};
  }
  ++record.failures;
}

void LoginThrottle::recordSuccess(const std::string& login, const std::string& address) {
  std::lock_guard lock(mutex_);
  records_.erase({login, address});
}

}  // namespace cqpm::auth
