#include "common/clock.h"

#include <Poco/DateTimeFormatter.h>

namespace cqpm {

std::string toIso8601(const Poco::Timestamp& time) {
  return Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%S.%FZ");
}

std::string nowIso8601() { return toIso8601(Poco::Timestamp()); }

}  // namespace cqpm
