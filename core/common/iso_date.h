#pragma once

#include <Poco/DateTime.h>

#include <optional>
#include <string>

namespace cqpm {

/// The calendar date written YYYY-MM-DD, or nullopt for anything else,
/// including dates Poco would silently normalise (2001-02-30).
std::optional<Poco::DateTime> parseIsoDate(const std::string& text);

}  // namespace cqpm
