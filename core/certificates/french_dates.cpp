#include "certificates/french_dates.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include <array>
#include <regex>
#include <string_view>

#include "common/iso_date.h"

namespace cqpm::certificates {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"janvier",   "février", "mars",     "avril",
                                                      "mai",       "juin",    "juillet",  "août",
                                                      "septembre", "octobre", "novembre", "décembre"};

}  // namespace

std::string frenchLongDate(const std::string& iso_date) {
  const auto date = parseIsoDate(iso_date);
  if (!date) return iso_date;
  const std::string day = date->day() == 1 ? "1er" : std::to_string(date->day());
  return day + " " + std::string(kMonths[date->month() - 1]) + " " + std::to_string(date->year());
}

std::string frenchShortDate(const std::string& iso_date) {
  if (!parseIsoDate(iso_date)) return iso_date;
  return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

std::string frenchTimestamp(const std::string& iso_timestamp) {
  // Poco's parser accepts nearly anything (it reads "hier" as year 0): insist on the ISO shape first.
  static const std::regex kIsoShape(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$)");
  if (!std::regex_match(iso_timestamp, kIsoShape)) return iso_timestamp;
  Poco::DateTime parsed;
  int offset = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso_timestamp, parsed,
                                      offset) &&
      !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, iso_timestamp, parsed, offset)) {
    return iso_timestamp;
  }
  // The parser leaves the local time of the stated offset; the document says UTC.
  parsed.makeUTC(offset);
  return Poco::DateTimeFormatter::format(parsed, "%d/%m/%Y à %H:%M UTC");
}

}  // namespace cqpm::certificates
