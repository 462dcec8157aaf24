#pragma once

#include <string>

#include "auth/throttle.h"
#include "common/clock.h"

namespace cqpm::auth {

/// Per account: the login as typed, known or not (an unknown login is
/// throttled exactly like a known one, so the answer reveals nothing).
/// Five failures in a row are free: typos, a caps lock, an old password.
/// Then the next attempt waits 1 s after the last failure, and each further
/// failure doubles it: 2, 4, 8, 16, then 30 s at most. A success from any
/// address clears the count; otherwise it is forgotten a day after it began.
/// Attempts refused while waiting are not failures, so an attacker cannot
/// lock the owner out: whatever they do, the owner waits at most 30 s after
/// the attacker's last real guess. The attacker, spread over any number of
/// addresses, gets about 2 guesses a minute (2,900 a day) on one account, far
/// too few against a 12-character password that is not a common one
/// (admin/password_policy.cpp).
ThrottlePolicy loginAccountPolicy();

/// Per client address (the real one behind trusted proxies), across all
/// accounts: 30 failed logins in 15 minutes, then every login from that
/// address waits until the 15 minutes are over. Spraying one guess over many
/// accounts never trips the per-account back-off; this budget caps it at 30
/// guesses a quarter of an hour per address (about 2,900 a day). 30 leaves
/// room for a classroom of candidates behind one address each mistyping
/// once or twice; the rest of the world is not slowed by it.
ThrottlePolicy loginAddressPolicy();

/// Both login throttles, shared by every instance through the database.
/// Thread-safe; borrows `db`.
class LoginThrottle {
 public:
  LoginThrottle(store::Database& db, const Clock& clock);

  /// Before a password is checked. One read. Throws Error{kRateLimited,
  /// field "login", details.retry_after} when the address has spent its
  /// budget or the account is waiting; returns whether the account has
  /// failures on record (recordSuccess then clears them).
  bool check(const std::string& login, const std::string& address) const;
  /// A wrong password, an unknown login or a disabled account: one short
  /// write transaction (two upserts), after the password check, never during it.
  void recordFailure(const std::string& login, const std::string& address) const;
  /// The right password, from any address: the account's count is forgotten.
  /// Writes only when `had_failures`, so a normal login costs no write.
  void recordSuccess(const std::string& login, bool had_failures) const;

 private:
  store::Database& db_;
  Throttle account_;
  Throttle address_;
};

}  // namespace cqpm::auth
