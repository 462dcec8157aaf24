#pragma once

#include <Poco/Timestamp.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "domain/actor.h"

namespace cqpm::auth {

/// The actors of live session tokens looked up in the last moments, so that
/// a client's burst of requests reads its session once, not per request
/// (the lookup was an eighth of a GET's cost).
///
/// Keyed by the token's SHA-256, as the database keys sessions; only live
/// sessions are kept (an unknown token is looked up each time, so nobody can
/// fill the cache with them). An entry lives `ttl` by `clock` (so a session
/// may outlive its expiry by that much at most); any change to
/// an account, an organisation or a session (store::kAccountsChanged, heard
/// from this instance's commits and from the others' through PostgreSQL)
/// forgets every entry at once, so a logout, a deactivation or a new role
/// applies to the very next request. A lookup that raced such a change is not
/// kept (see generation()). At most `capacity` entries. Thread-safe.
class SessionCache {
 public:
  explicit SessionCache(Clock clock, std::chrono::milliseconds ttl = std::chrono::seconds(2),
                        std::size_t capacity = 4096);

  /// The actor of a session looked up less than `ttl` ago, or nullopt.
  std::optional<domain::Actor> find(const std::string& token_hash);
  /// To take before reading the session from the database, and to hand to remember().
  std::uint64_t generation();
  /// Keeps `actor`, read from the database after generation() returned
  /// `read_at`, unless something was forgotten since.
  void remember(const std::string& token_hash, const domain::Actor& actor, std::uint64_t read_at);
  /// Forgets every entry.
  void forgetAll();
  std::size_t size();

 private:
  struct Stored {
    domain::Actor actor;
    Poco::Timestamp expires;
  };
  Clock clock_;
  Poco::Timestamp::TimeDiff ttl_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;                     // guarded by mutex_
  std::unordered_map<std::string, Stored> entries_;  // guarded by mutex_
};

}  // namespace cqpm::auth
