#include "common/clock.h"

#include <Poco/DateTimeFormatter.h>

namespace cqpm {

Clock systemClock() {
  return [] { return Poco::Timestamp(); };
}

std::string toIso8601(const Poco::Timestamp& time) {
  return Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%S.%FZ");
}

std::string nowIso8601(const Clock& clock) { return toIso8601(clock()); }

}  // namespace cqpm
