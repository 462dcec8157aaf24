#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "auth/credential_cache.h"
#include "auth/login_throttle.h"
#include "auth/password_hasher.h"
#include "auth/session_cache.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "store/database.h"

namespace cqpm::auth {

/// A new session: the token is shown once to the client and only its hash is stored.
struct LoginResult {
  std::string token;
  std::string expires_at;
  domain::Actor actor;
};

/// Password login, session tokens and logout. Thread-safe.
class AuthService {
 public:
  /// `clock` times the login throttles (LoginThrottle), which live in `db`
  /// and are shared with every other instance on it. Borrows `db`.
  AuthService(store::Database& db, PasswordHasher hasher, const Clock& clock,
              std::chrono::hours session_ttl = std::chrono::hours(12));

  /// Checks the password and opens a session. In order: Error{kRateLimited}
  /// (details.retry_after) when the address or the account is throttled, no
  /// password checked; Error{kUnavailable} (details.retry_after) when no
  /// hashing slot frees in time, not counted as a failure; Error{kUnauthenticated}
  /// for an unknown login, a wrong password or a disabled account (one message
  /// and the same Argon2 cost for all three), counted as a failure.
  LoginResult login(const std::string& login, const std::string& password, const std::string& client_address);

  /// Opens a session for an actor whose identity was checked elsewhere (an
  /// OpenID provider's ID token: sso::SingleSignOnService), remembering the
  /// organisation whose provider it was (its logout then ends the provider's session too).
  LoginResult openSession(const domain::Actor& actor,
                          const std::optional<std::string>& sso_organisation_id = std::nullopt);
  /// Checks a login and password, with the same throttling and hashing slots
  /// as login(), without opening a session (HTTP Basic authentication of git
  /// clients). Same errors.
  domain::Actor verifyPassword(const std::string& login, const std::string& password,
                               const std::string& client_address);

  /// verifyPassword for HTTP Basic, where a git client sends the same pair on
  /// each of its many requests: a pair verified in the last minute is accepted
  /// without Argon2 while the account is still active and still has the
  /// password hash it was verified against (a password change or a
  /// deactivation refuses it at once; only verified pairs are remembered,
  /// never a wrong one). Throttling as verifyPassword. Same errors.
  domain::Actor verifyBasic(const std::string& login, const std::string& password,
                            const std::string& client_address);

  /// The actor of a live session token, or nullopt. Recent answers are
  /// kept briefly (SessionCache) until an account, organisation or session changes.
  std::optional<domain::Actor> authenticate(const std::string& token);

  /// Hears the keys of committed writes: a change to who may do what
  /// (store::kAccountsChanged) forgets the sessions authenticate() kept. This
  /// instance's commits are heard by subscription; the composition root hands
  /// in the other instances' (PostgreSQL's NOTIFY).
  void noticeChanges(const std::vector<std::string>& keys);
  /// Forgets them unconditionally (changes may have been missed).
  void forgetKeptSessions() { sessions_.forgetAll(); }

  /// Revokes the session; unknown or already revoked tokens are ignored.
  /// Answers the organisation whose identity provider opened the session, if
  /// one did and the session was live: the caller sends the browser to that
  /// provider's logout.
  std::optional<std::string> logout(const std::string& token);

  const PasswordHasher& hasher() const { return hasher_; }

 private:
  store::Database& db_;
  Clock clock_;
  PasswordHasher hasher_;
  std::chrono::hours session_ttl_;
  LoginThrottle throttle_;
  CredentialCache basic_credentials_;
  SessionCache sessions_;
  store::ChangeSubscription accounts_changes_;  // feeds noticeChanges; after sessions_, gone before it
  // Verified against for unknown logins, with the same cost and in the same
  // hashing slots as a real one, so neither timing nor load reveals them.
  std::string decoy_hash_;
};

}  // namespace cqpm::auth
