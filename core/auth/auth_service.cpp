#include "auth/auth_service.h"

#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <algorithm>

#include "common/clock.h"
#include "common/random_bytes.h"
#include "common/sha256.h"
#include "store/account_store.h"
#include "store/change_keys.h"

namespace cqpm::auth {

namespace {
constexpr std::size_t kTokenBytes = 32;
}

AuthService::AuthService(store::Database& db, PasswordHasher hasher, const Clock& clock,
                         std::chrono::hours session_ttl)
    : db_(db),
      clock_(clock),
      hasher_(std::move(hasher)),
      session_ttl_(session_ttl),
      throttle_(db, clock),
      basic_credentials_(clock),
      sessions_(clock),
      accounts_changes_(db.subscribe([this](const std::vector<std::string>& keys) { noticeChanges(keys); })),
      decoy_hash_(hasher_.hash(randomToken(16))) {}

domain::Actor AuthService::verifyPassword(const std::string& login, const std::string& password,
                                          const std::string& client_address) {
  const bool had_failures = throttle_.check(login, client_address);
  const auto user =
      db_.read([&](store::SqlSession& sql) { return store::account_store::findUserByLogin(sql, login); });
  // An unknown login, or an invited account without a password yet, costs a
  // real verification too.
  const bool password_ok =
      hasher_.verify(password, user && user->passwordSet() ? user->password_hash : decoy_hash_);
  if (!user || !password_ok || !user->active) {
    throttle_.recordFailure(login, client_address);
    throw Error(ErrorCode::kUnauthenticated, "wrong login or password");
  }
  throttle_.recordSuccess(login, had_failures);
  auto actor =
      db_.read([&](store::SqlSession& sql) { return store::account_store::actorOfUser(sql, user->id); });
  if (!actor) throw Error(ErrorCode::kUnauthenticated, "wrong login or password");
  return *actor;
}

domain::Actor AuthService::verifyBasic(const std::string& login, const std::string& password,
                                       const std::string& client_address) {
  if (const auto cached = basic_credentials_.find(login, password)) {
    const bool had_failures = throttle_.check(login, client_address);
    const auto user =
        db_.read([&](store::SqlSession& sql) { return store::account_store::findUserByLogin(sql, login); });
    // The account as it is now: deactivated, or its password changed (a new
    // salt, so a new PHC string), the pair goes back through Argon2.
    if (user && user->active && user->id == cached->user_id && user->password_hash == cached->password_hash) {
      auto actor =
          db_.read([&](store::SqlSession& sql) { return store::account_store::actorOfUser(sql, user->id); });
      if (actor) {
        throttle_.recordSuccess(login, had_failures);
        return *actor;
      }
    }
    basic_credentials_.forget(login, password);
  }
  const auto user =
      db_.read([&](store::SqlSession& sql) { return store::account_store::findUserByLogin(sql, login); });
  domain::Actor actor = verifyPassword(login, password, client_address);
  // Remembered with the hash it was checked against, read before the check: a
  // password changed meanwhile leaves a stale hash, refused on the next request.
  if (user && user->passwordSet())
    basic_credentials_.remember(login, password, {user->id, user->password_hash});
  return actor;
}

LoginResult AuthService::login(const std::string& login, const std::string& password,
                               const std::string& client_address) {
  return openSession(verifyPassword(login, password, client_address));
}

LoginResult AuthService::openSession(const domain::Actor& actor,
                                     const std::optional<std::string>& sso_organisation_id) {
  LoginResult result;
  result.token = randomToken(kTokenBytes);
  const Poco::Timestamp now = clock_();
  result.expires_at = toIso8601(now + Poco::Timespan(session_ttl_.count() * Poco::Timespan::HOURS));
  const std::string created_at = toIso8601(now);
  db_.write([&](store::SqlSession& sql) {
    store::account_store::insertSession(sql, sha256Hex(result.token), actor.user_id, created_at,
                                        result.expires_at, sso_organisation_id);
  });
  result.actor = actor;
  return result;
}

std::optional<domain::Actor> AuthService::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  const std::string hash = sha256Hex(token);
  if (auto kept = sessions_.find(hash)) return kept;
  const std::uint64_t read_at = sessions_.generation();
  const std::string now = nowIso8601(clock_);
  auto actor = db_.read(
      [&](store::SqlSession& sql) { return store::account_store::findSessionActor(sql, hash, now); });
  if (actor) sessions_.remember(hash, *actor, read_at);
  return actor;
}

void AuthService::noticeChanges(const std::vector<std::string>& keys) {
  if (std::find(keys.begin(), keys.end(), store::kAccountsChanged) != keys.end()) sessions_.forgetAll();
}

std::optional<std::string> AuthService::logout(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const std::string hash = sha256Hex(token);
  const std::string now = nowIso8601(clock_);
  return db_.write([&](store::SqlSession& sql) {
    auto organisation = store::account_store::ssoOrganisationOfSession(sql, hash);
    store::account_store::revokeSession(sql, hash, now);
    return organisation;
  });
}

}  // namespace cqpm::auth
