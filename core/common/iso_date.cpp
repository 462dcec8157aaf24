#include "common/iso_date.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>

namespace cqpm {

std::optional<Poco::DateTime> parseIsoDate(const std::string& text) {
  static const Poco::RegularExpression kIsoDate(R"(^\d{4}-\d{2}-\d{2}$)");
  Poco::DateTime date;
  int tz = 0;
  try {
    if (kIsoDate.match(text) && Poco::DateTimeParser::tryParse("%Y-%m-%d", text, date, tz) &&
        Poco::DateTimeFormatter::format(date, "%Y-%m-%d") == text) {
      return date;
    }
  } catch (const Poco::Exception&) {
  }
  return std::nullopt;
}

}  // namespace cqpm
