#include "common/iso_instant.h"

#include <Poco/DateTime.h>
#include <Poco/RegularExpression.h>

#include <string>
#include <vector>

namespace cqpm {

std::optional<Poco::Timestamp> parseIsoInstant(const std::string& text) {
  static const Poco::RegularExpression kInstant(
      R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$)");
  std::vector<std::string> parts;
  if (text.size() > 64 || kInstant.split(text, parts) == 0) return std::nullopt;
  parts.resize(12);
  const auto number = [&](std::size_t i) { return parts[i].empty() ? 0 : std::stoi(parts[i]); };
  const int year = number(1), month = number(2), day = number(3), hour = number(4), minute = number(5),
            second = number(6);
  if (!Poco::DateTime::isValid(year, month, day, hour, minute, second)) return std::nullopt;
  const int zone_hours = number(10), zone_minutes = number(11);
  if (zone_hours > 18 || zone_minutes > 59) return std::nullopt;
  // Microseconds, the precision of the stored instants: "25" is 250000.
  const std::string fraction = (parts[7] + "000000").substr(0, 6);
  const Poco::DateTime local(year, month, day, hour, minute, second, std::stoi(fraction) / 1000,
                             std::stoi(fraction) % 1000);
  Poco::Timestamp instant = local.timestamp();
  const Poco::Timestamp::TimeDiff offset =
      static_cast<Poco::Timestamp::TimeDiff>((zone_hours * 60) + zone_minutes) * 60 *
      Poco::Timestamp::resolution();
  if (parts[9] == "+") instant -= offset;
  if (parts[9] == "-") instant += offset;
  return instant;
}

}  // namespace cqpm
