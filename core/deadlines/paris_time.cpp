#include "deadlines/paris_time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <date/tz.h>

#include <chrono>

#include "common/error.h"
#include "common/iso_date.h"

namespace cqpm::deadlines {

namespace {

using Micros = std::chrono::microseconds;

/// Europe/Paris from the system's tz database (Debian's tzdata), loaded once.
const date::time_zone& paris() {
  static const date::time_zone* const kParis = date::locate_zone("Europe/Paris");
  return *kParis;
}

date::local_days requireDate(const std::string& date) {
  const auto parsed = parseIsoDate(date);
  if (!parsed) throw Error(ErrorCode::kInternal, "not a date: " + date);
  return date::local_days{date::year{parsed->year()} / parsed->month() / parsed->day()};
}

std::string isoDay(date::local_days day) { return date::format("%F", day); }

/// Paris wall-clock time at `instant`.
date::local_time<Micros> parisLocal(const Poco::Timestamp& instant) {
  return paris().to_local(date::sys_time<Micros>{Micros{instant.epochMicroseconds()}});
}

}  // namespace

void checkParisTimeZone() {
  try {
    (void)paris();
  } catch (const std::exception& e) {
    throw Error(ErrorCode::kInvalidConfiguration,
                std::string("the time zone Europe/Paris cannot be read from the system's tz database "
                            "(install Debian's tzdata): ") +
                    e.what());
  }
}

Poco::Timestamp endOfParisDay(const std::string& date) {
  // The next day's midnight in Paris; clocks change at 02:00 or 03:00 there,
  // so midnight always exists once.
  const auto midnight = paris().to_sys(date::local_time<Micros>{requireDate(date) + date::days{1}});
  return Poco::Timestamp(midnight.time_since_epoch().count());
}

Poco::Timestamp parisHourOn(const std::string& date, int hour) {
  const date::local_time<Micros> local{requireDate(date) + std::chrono::hours{hour}};
  const auto instant = paris().to_sys(local, date::choose::earliest);
  return Poco::Timestamp(instant.time_since_epoch().count());
}

std::string parisDateOf(const Poco::Timestamp& instant) {
  return isoDay(date::floor<date::days>(parisLocal(instant)));
}

std::string parisIsoTimestamp(const Poco::Timestamp& instant) {
  const date::zoned_time<std::chrono::seconds> zoned{
      &paris(),
      date::floor<std::chrono::seconds>(date::sys_time<Micros>{Micros{instant.epochMicroseconds()}})};
  const std::string text = date::format("%FT%T%z", zoned);  // ...+0100
  return text.substr(0, text.size() - 2) + ":" + text.substr(text.size() - 2);
}

std::string addDays(const std::string& date, int days) {
  return isoDay(requireDate(date) + date::days{days});
}

std::string frenchDate(const std::string& date) { return date::format("%d/%m/%Y", requireDate(date)); }

std::string frenchParisTime(const std::string& iso_timestamp) {
  Poco::DateTime parsed;
  int offset = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso_timestamp, parsed,
                                      offset)) {
    return iso_timestamp;
  }
  parsed.makeUTC(offset);
  return date::format("%d/%m/%Y à %H h %M",
                      date::floor<std::chrono::minutes>(parisLocal(parsed.timestamp())));
}

}  // namespace cqpm::deadlines
