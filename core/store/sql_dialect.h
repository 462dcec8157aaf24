#pragma once

#include <string>
#include <string_view>

#include "store/database_url.h"

namespace cqpm::store {

/// Core writes SQL with `?` placeholders; PostgreSQL's Poco connector wants
/// `$1, $2, ...`. Returns `sql` with placeholders numbered for `dialect`
/// (`?` inside single-quoted literals is left alone).
std::string bindPlaceholders(std::string_view sql, Dialect dialect);

}  // namespace cqpm::store
