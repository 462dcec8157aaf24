#include "auth/login_throttle.h"

namespace cqpm::auth {

ThrottlePolicy loginAccountPolicy() {
  return {.scope = "login.account",
          .free_failures = 5,
          .window = kLongestThrottleMemory,
          .first_delay = std::chrono::seconds(1),
          .max_delay = std::chrono::seconds(30)};
}

ThrottlePolicy loginAddressPolicy() {
  return {.scope = "login.address", .free_failures = 30, .window = std::chrono::minutes(15)};
}

LoginThrottle::LoginThrottle(store::Database& db, const Clock& clock)
    : db_(db), account_(db, clock, loginAccountPolicy()), address_(db, clock, loginAddressPolicy()) {}

bool LoginThrottle::check(const std::string& login, const std::string& address) const {
  const Poco::Timestamp now = account_.now();
  Throttle::Standing account;
  int address_wait = 0;
  db_.read([&](store::SqlSession& sql) {
    address_wait = address_.standing(sql, address, now).retry_after;
    if (address_wait == 0) account = account_.standing(sql, login, now);
  });
  if (address_wait > 0) {
    throwRateLimited(
        address_wait,
        "too many failed logins from this address; try again in " + std::to_string(address_wait) + " s",
        "login");
  }
  if (account.retry_after > 0) {
    throwRateLimited(
        account.retry_after,
        "too many failed logins for this account; try again in " + std::to_string(account.retry_after) + " s",
        "login");
  }
  return account.on_record;
}

void LoginThrottle::recordFailure(const std::string& login, const std::string& address) const {
  const Poco::Timestamp now = account_.now();
  db_.write([&](store::SqlSession& sql) {
    account_.recordFailure(sql, login, now);
    address_.recordFailure(sql, address, now);
  });
}

void LoginThrottle::recordSuccess(const std::string& login, bool had_failures) const {
  if (!had_failures) return;
  db_.write([&](store::SqlSession& sql) { account_.clear(sql, login); });
}

}  // namespace cqpm::auth
