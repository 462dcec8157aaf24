#include "auth/throttle.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "common/clock.h"
#include "common/error.h"
#include "store/throttle_store.h"

namespace cqpm::auth {

namespace {

Poco::Timespan spanOf(std::chrono::seconds seconds) { return Poco::Timespan(seconds.count(), 0); }

// Rows are written by toIso8601; anything unreadable counts as long ago (the
// count restarts) rather than failing a login.
Poco::Timestamp storedInstant(const std::string& text) {
  Poco::DateTime parsed;
  int zone = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed, zone))
    return Poco::Timestamp(0);
  return parsed.timestamp();
}

int ceilSeconds(const Poco::Timespan& span) {
  const auto micros = span.totalMicroseconds();
  return static_cast<int>((micros + Poco::Timespan::SECONDS - 1) / Poco::Timespan::SECONDS);
}

}  // namespace

int ThrottlePolicy::retryAfterSeconds(std::int64_t failures, const Poco::Timestamp& window_start,
                                      const Poco::Timestamp& last_failure, const Poco::Timestamp& now) const {
  const Poco::Timestamp window_end = window_start + spanOf(window);
  if (now >= window_end || failures < free_failures) return 0;
  Poco::Timestamp wait_until = window_end;
  if (first_delay.count() > 0) {
    // 1 s, 2 s, 4 s ...: the shift is bounded so it never overflows.
    const std::int64_t beyond = std::min<std::int64_t>(failures - free_failures, 30);
    const std::int64_t delay = std::min<std::int64_t>(first_delay.count() << beyond, max_delay.count());
    wait_until = std::min(window_end, last_failure + Poco::Timespan(delay, 0));
  }
  return now >= wait_until ? 0 : ceilSeconds(wait_until - now);
}

Throttle::Throttle(store::Database& db, Clock clock, ThrottlePolicy policy)
    : db_(db), clock_(std::move(clock)), policy_(std::move(policy)) {
  if (policy_.window > kLongestThrottleMemory || policy_.max_delay > kLongestThrottleMemory) {
    throw Error(ErrorCode::kInternal, "throttle " + policy_.scope + " would outlive housekeeping's memory");
  }
}

int Throttle::retryAfterSeconds(const std::string& subject) const {
  const Poco::Timestamp now = clock_();
  return db_.read([&](store::SqlSession& sql) { return standing(sql, subject, now).retry_after; });
}

Throttle::Standing Throttle::standing(store::SqlSession& sql, const std::string& subject,
                                      const Poco::Timestamp& now) const {
  const auto count = store::throttle_store::find(sql, policy_.scope, subject);
  if (!count) return {};
  return {true, policy_.retryAfterSeconds(count->failures, storedInstant(count->window_start),
                                          storedInstant(count->last_failure_at), now)};
}

void Throttle::recordFailure(const std::string& subject) const {
  const Poco::Timestamp now = clock_();
  db_.write([&](store::SqlSession& sql) { recordFailure(sql, subject, now); });
}

void Throttle::recordFailure(store::SqlSession& sql, const std::string& subject,
                             const Poco::Timestamp& now) const {
  store::throttle_store::recordFailure(sql, policy_.scope, subject, toIso8601(now),
                                       toIso8601(now - spanOf(policy_.window)));
}

void Throttle::clear(store::SqlSession& sql, const std::string& subject) const {
  store::throttle_store::clear(sql, policy_.scope, subject);
}

void throwRateLimited(int retry_after, const std::string& message, const std::string& field,
                      Poco::JSON::Object::Ptr details) {
  if (!details) details = new Poco::JSON::Object;
  details->set("retry_after", retry_after);
  throw Error(ErrorCode::kRateLimited, message, field, details);
}

}  // namespace cqpm::auth
