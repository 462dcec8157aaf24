#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// What a throttle remembers of one subject (an account, a client address).
struct ThrottleCount {
  std::int64_t failures = 0;
  std::string window_start;     ///< ISO-8601 UTC: when this count started
  std::string last_failure_at;  ///< ISO-8601 UTC
};

/// The failure counters of the throttles (table throttle_failures), shared by
/// every instance on the database. Each call is one small statement on a
/// primary-key row.
namespace throttle_store {

/// The count of (scope, subject), if it has failed since it was last cleared.
std::optional<ThrottleCount> find(SqlSession& sql, const std::string& scope, const std::string& subject);

/// Counts one failure of (scope, subject) at `now`, in one upsert: the count
/// starts again at 1 (window_start = now) when it started at or before
/// `restart_before`. Safe against a concurrent upsert of the same row on
/// another instance (INSERT ... ON CONFLICT DO UPDATE).
void recordFailure(SqlSession& sql, const std::string& scope, const std::string& subject,
                   const std::string& now, const std::string& restart_before);

/// Forgets the count of (scope, subject); nothing when there is none.
void clear(SqlSession& sql, const std::string& scope, const std::string& subject);

/// Deletes every count whose last failure was before `before`; returns how many.
std::int64_t purge(SqlSession& sql, const std::string& before);

}  // namespace throttle_store
}  // namespace cqpm::store
