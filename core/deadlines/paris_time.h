#pragma once

#include <Poco/Timestamp.h>

#include <string>

namespace cqpm::deadlines {

/// Deadlines are calendar days in the centres' time zone, Europe/Paris (all
/// CQPM centres are in metropolitan France): a deadline "2026-03-12" ends at
/// midnight at the end of that day, Paris time. Offsets come from the system's
/// tz database (Debian's tzdata) through Howard Hinnant's date library, so a
/// change of the rules is an update of tzdata, not of this code.

/// Loads Europe/Paris from the tz database; throws Error{kInvalidConfiguration}
/// when the system has none. Called at start so a machine without tzdata is told
/// at once rather than at the first deadline.
void checkParisTimeZone();

/// The UTC instant the Paris calendar day `date` (YYYY-MM-DD, already
/// validated) ends, i.e. the next day's 00:00 in Paris.
Poco::Timestamp endOfParisDay(const std::string& date);

/// The UTC instant of `hour`:00 (0-23) in Paris on the calendar day `date`
/// (already validated); an hour the spring change skips is taken as its
/// first instant after the change.
Poco::Timestamp parisHourOn(const std::string& date, int hour);

/// The Paris calendar date (YYYY-MM-DD) at `instant`.
std::string parisDateOf(const Poco::Timestamp& instant);

/// `instant` as Paris wall-clock time with its offset, to the second: "2027-03-18T10:00:00+01:00".
std::string parisIsoTimestamp(const Poco::Timestamp& instant);

/// `date` moved by `days` (negative: earlier).
std::string addDays(const std::string& date, int days);

/// "12/03/2026": how French readers write a date.
std::string frenchDate(const std::string& date);

/// An ISO-8601 UTC timestamp as Paris wall-clock time, the French way:
/// "02/12/2026 à 10 h 15"; anything unparsable unchanged.
std::string frenchParisTime(const std::string& iso_timestamp);

}  // namespace cqpm::deadlines
