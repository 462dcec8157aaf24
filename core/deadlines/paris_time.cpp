#include "deadlines/paris_time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "common/error.h"
#include "common/iso_date.h"

namespace cqpm::deadlines {

namespace {

int lastSundayOf(int year, int month) {
  const int last = Poco::DateTime::daysOfMonth(year, month);
  return last - Poco::DateTime(year, month, last).dayOfWeek();  // dayOfWeek: 0 is Sunday
}

bool isSummerTime(const Poco::DateTime& utc) {
  const Poco::DateTime begins(utc.year(), 3, lastSundayOf(utc.year(), 3), 1);
  const Poco::DateTime ends(utc.year(), 10, lastSundayOf(utc.year(), 10), 1);
  return utc >= begins && utc < ends;
}

Poco::DateTime requireDate(const std::string& date) {
  const auto parsed = parseIsoDate(date);
  if (!parsed) throw Error(ErrorCode::kInternal, "not a date: " + date);
  return *parsed;
}

}  // namespace

Clock systemClock() {
  return [] { return Poco::Timestamp(); };
}

Poco::Timestamp endOfParisDay(const std::string& date) {
  // The next day's local midnight, read as if it were UTC, then moved back by
  // the offset in force at that moment (+2 in summer, +1 in winter).
  const Poco::DateTime midnight = requireDate(date) + Poco::Timespan(1, 0, 0, 0, 0);
  const Poco::DateTime if_summer = midnight - Poco::Timespan(0, 2, 0, 0, 0);
  if (isSummerTime(if_summer)) return if_summer.timestamp();
  return (midnight - Poco::Timespan(0, 1, 0, 0, 0)).timestamp();
}

std::string parisDateOf(const Poco::Timestamp& instant) {
  const Poco::DateTime utc(instant);
  const Poco::DateTime local = utc + Poco::Timespan(0, isSummerTime(utc) ? 2 : 1, 0, 0, 0);
  return Poco::DateTimeFormatter::format(local, "%Y-%m-%d");
}

std::string addDays(const std::string& date, int days) {
  return Poco::DateTimeFormatter::format(requireDate(date) + Poco::Timespan(days, 0, 0, 0, 0), "%Y-%m-%d");
}

std::string frenchDate(const std::string& date) {
  return Poco::DateTimeFormatter::format(requireDate(date), "%d/%m/%Y");
}

std::string frenchParisTime(const std::string& iso_timestamp) {
  Poco::DateTime parsed;
  int offset = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso_timestamp, parsed,
                                      offset)) {
    return iso_timestamp;
  }
  parsed.makeUTC(offset);
  const Poco::DateTime local = parsed + Poco::Timespan(0, isSummerTime(parsed) ? 2 : 1, 0, 0, 0);
  return Poco::DateTimeFormatter::format(local, "%d/%m/%Y à %H h %M");
}

}  // namespace cqpm::deadlines
