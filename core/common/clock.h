#pragma once

#include <Poco/Timestamp.h>

#include <string>

namespace cqpm {

/// ISO-8601 UTC with microseconds ("2026-11-21T05:48:33.123456Z"): sortable as
/// text, which is how times are stored on every database.
std::string toIso8601(const Poco::Timestamp& time);

/// The current time as toIso8601.
std::string nowIso8601();

}  // namespace cqpm
