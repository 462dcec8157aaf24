#pragma once

#include <Poco/Timestamp.h>

#include <functional>
#include <string>

namespace cqpm {

/// Where "now" comes from: the system clock in production, a fixed or moving
/// time in tests. Injected from the composition root into everything that
/// stamps or compares a time, so one test clock moves the whole server.
/// Must be callable from any thread.
using Clock = std::function<Poco::Timestamp()>;

/// The system clock.
Clock systemClock();

/// ISO-8601 UTC with microseconds ("2026-11-21T05:48:33.123456Z"): sortable as
/// text, which is how times are stored on every database.
std::string toIso8601(const Poco::Timestamp& time);

/// `clock`'s current time as toIso8601.
std::string nowIso8601(const Clock& clock);

}  // namespace cqpm
