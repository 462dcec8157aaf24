#pragma once

#include <optional>
#include <string>

#include "http/exchange.h"

namespace cqpm::http {

/// The `limit` query parameter of a paginated list: `fallback` when absent,
/// else an integer in 1..`max`. Error{kInvalidField, "limit"} otherwise.
int queryLimit(const Request& request, int fallback, int max);

/// A query parameter that is "true" or "false"; nullopt when absent, or when
/// it is `any_word` (e.g. "all"). Error{kInvalidField, name} otherwise.
std::optional<bool> queryBool(const Request& request, const std::string& name,
                              const std::string& any_word = "");

}  // namespace cqpm::http
