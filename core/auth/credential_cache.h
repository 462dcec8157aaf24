#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/clock.h"

namespace cqpm::auth {

/// Login-and-password pairs verified recently, so that a git client sending
/// HTTP Basic on each of its many requests pays Argon2 once, not per request.
///
/// Entries are keyed by SHA-256 over a per-process random key, the login and
/// the password: neither the password nor a hash of it that could be attacked
/// offline without that key is kept. Each remembers the user and the stored
/// password hash (PHC string) it was verified against; the caller compares
/// that with the account as it is now, so a password change (a new salt, so a
/// new PHC string) or a deactivation refuses the cached pair at once
/// (AuthService::verifyBasic). Only verified pairs are ever stored.
///
/// Entries live `ttl` by `clock` (injected); at most `capacity` are kept, the
/// one expiring first evicted. Thread-safe.
class CredentialCache {
 public:
  struct Entry {
    std::string user_id;
    std::string password_hash;  ///< the PHC string the password was verified against
  };

  CredentialCache(Clock clock, std::chrono::seconds ttl = std::chrono::seconds(60),
                  std::size_t capacity = 1024);

  /// The entry of a pair verified less than `ttl` ago, or nullopt.
  std::optional<Entry> find(const std::string& login, const std::string& password);
  /// Remembers a pair the caller has just verified.
  void remember(const std::string& login, const std::string& password, Entry entry);
  /// Forgets the pair (the account no longer matches it).
  void forget(const std::string& login, const std::string& password);
  std::size_t size();

 private:
  std::string keyOf(const std::string& login, const std::string& password) const;

  struct Stored {
    Entry entry;
    Poco::Timestamp expires;
  };
  Clock clock_;
  Poco::Timestamp::TimeDiff ttl_;
  std::size_t capacity_;
  const std::string secret_;  ///< per-process random key of keyOf
  std::mutex mutex_;
  std::map<std::string, Stored> entries_;  // guarded by mutex_
};

}  // namespace cqpm::auth
