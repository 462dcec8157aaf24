#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <chrono>
#include <string>

#include "common/clock.h"
#include "store/database.h"

namespace cqpm::auth {

/// No throttle remembers a failure longer than this: housekeeping deletes the
/// counts whose last failure is older (scheduler/housekeeping.cpp).
inline constexpr std::chrono::hours kLongestThrottleMemory{24};

/// How failures of one kind are slowed down. `free_failures` may follow each
/// other without any wait; after that many, two shapes:
/// - a budget (`first_delay` zero): every attempt waits until the window ends;
/// - a back-off (`first_delay` set): the next attempt waits `first_delay` after
///   the last failure, and each further failure doubles it, up to `max_delay`.
/// Either way the count starts again `window` after its first failure (or at
/// a success, for the subjects that have one).
struct ThrottlePolicy {
  std::string scope;  ///< names the kind in the database ("login.account")
  int free_failures = 10;
  std::chrono::seconds window{std::chrono::minutes(15)};  ///< at most kLongestThrottleMemory
  std::chrono::seconds first_delay{0};
  std::chrono::seconds max_delay{0};

  /// Seconds to wait after the failure numbered `failures` (1-based) of a
  /// count that started at `window_start` and last failed at `last_failure`,
  /// as seen at `now`; 0 when an attempt is allowed now.
  int retryAfterSeconds(std::int64_t failures, const Poco::Timestamp& window_start,
                        const Poco::Timestamp& last_failure, const Poco::Timestamp& now) const;
};

/// One kind of failure counted per subject (an account, a client address) in
/// the database, so every instance on it shares the counts. A check is one
/// primary-key read; a failure is one upsert in its own short write
/// transaction, never held across a password check; time comes from the
/// injected clock only. Attempts refused by the throttle are not failures: a
/// caller never counts them, so nobody can stretch someone else's wait by
/// hammering. Thread-safe; borrows `db`, which must outlive it.
class Throttle {
 public:
  Throttle(store::Database& db, Clock clock, ThrottlePolicy policy);

  /// Where a subject stands.
  struct Standing {
    bool on_record = false;  ///< failures counted (a success may clear them)
    int retry_after = 0;     ///< seconds before it may try again; 0: now
  };

  /// Seconds before `subject` may try again; 0 when it may now. One read.
  int retryAfterSeconds(const std::string& subject) const;
  /// Where `subject` stands at `now`, within the caller's session (several
  /// checks in one read).
  Standing standing(store::SqlSession& sql, const std::string& subject, const Poco::Timestamp& now) const;

  /// Counts one failure of `subject` now. One upsert.
  void recordFailure(const std::string& subject) const;
  /// The same, within the caller's write transaction.
  void recordFailure(store::SqlSession& sql, const std::string& subject, const Poco::Timestamp& now) const;
  /// Forgets the failures of `subject`, within the caller's write transaction.
  void clear(store::SqlSession& sql, const std::string& subject) const;

  Poco::Timestamp now() const { return clock_(); }
  const ThrottlePolicy& policy() const { return policy_; }

 private:
  store::Database& db_;
  Clock clock_;
  ThrottlePolicy policy_;
};

/// Throws Error{kRateLimited, `message`, `field`} with details.retry_after =
/// `retry_after` (seconds; the HTTP layer sends it as Retry-After) and any
/// other `details` given.
[[noreturn]] void throwRateLimited(int retry_after, const std::string& message, const std::string& field,
                                   Poco::JSON::Object::Ptr details = nullptr);

}  // namespace cqpm::auth
