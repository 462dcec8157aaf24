#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "auth/login_throttle.h"
#include "auth/password_hasher.h"
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
  AuthService(store::Database& db, PasswordHasher hasher,
              std::chrono::hours session_ttl = std::chrono::hours(12));

  /// Checks the password and opens a session. Throws Error{kUnauthenticated}
  /// for an unknown login, a wrong password or a disabled account (one message
  /// for all three), Error{kRateLimited} (details.retry_after) when throttled.
  LoginResult login(const std::string& login, const std::string& password, const std::string& client_address);

  /// Checks a login and password, with the same throttling as login(), without
  /// opening a session (HTTP Basic authentication of git clients). Same errors.
  domain::Actor verifyPassword(const std::string& login, const std::string& password,
                               const std::string& client_address);

  /// The actor of a live session token, or nullopt.
  std::optional<domain::Actor> authenticate(const std::string& token);

  /// Revokes the session; unknown or already revoked tokens are ignored.
  void logout(const std::string& token);

  const PasswordHasher& hasher() const { return hasher_; }

 private:
  store::Database& db_;
  PasswordHasher hasher_;
  std::chrono::hours session_ttl_;
  LoginThrottle throttle_;
  std::string decoy_hash_;  // verified against for unknown logins so timing does not reveal them
};

}  // namespace cqpm::auth
