#pragma once

#include <string>
#include <string_view>

#include "store/database_url.h"

namespace cqpm::store {

/// Core writes SQL with `?` placeholders; PostgreSQL's Poco connector wants
/// `$1, $2, ...`. Returns `sql` with placeholders numbered for `dialect`
/// (`?` inside single-quoted literals is left alone).
std::string bindPlaceholders(std::string_view sql, Dialect dialect);

/// SQL for the whole seconds since 1970 of `timestamp`, an expression holding
/// an ISO-8601 UTC time as stored ("2026-11-21T05:48:33.123456Z"), fractions
/// dropped the same way on both dialects, so that durations computed in SQL
/// agree to the second. SQLite and PostgreSQL share no date function.
std::string epochSecondsOf(std::string_view timestamp, Dialect dialect);

}  // namespace cqpm::store
