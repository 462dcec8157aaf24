#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// Removal of rows that have outlived their use.
namespace housekeeping_store {

/// Deletes sessions expired before `now`, and revoked ones revoked before
/// `revoked_before`; returns how many.
std::int64_t purgeSessions(SqlSession& sql, const std::string& now, const std::string& revoked_before);
/// Deletes idempotency keys created before `before` (a retry comes within
/// minutes, not days); returns how many.
std::int64_t purgeIdempotencyKeys(SqlSession& sql, const std::string& before);

}  // namespace housekeeping_store
}  // namespace cqpm::store
