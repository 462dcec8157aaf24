#include "statistics/statistics_period.h"

#include <Poco/DateTime.h>
#include <Poco/Timespan.h>

#include <cstdio>

#include "common/error.h"
#include "common/iso_date.h"

namespace cqpm::statistics {

namespace {

constexpr int kMaxPeriodDays = 3660;

Poco::DateTime checkedDate(const std::string& text, const std::string& field) {
  const auto date = parseIsoDate(text);
  if (!date) throw Error(ErrorCode::kUnprocessable, field + " must be a date written YYYY-MM-DD", field);
  return *date;
}

// The first day of the month eleven months before `date`'s: with `date`'s
// month, twelve calendar months, as the monthly charts show them.
std::string twelveMonthsBefore(const Poco::DateTime& date) {
  int year = date.year();
  int month = date.month() - 11;
  if (month <= 0) {
    month += 12;
    year -= 1;
  }
  char text[32];  // room for any int, although years are four digits
  std::snprintf(text, sizeof text, "%04d-%02d-01", year, month);
  return text;
}

}  // namespace

Period periodOf(const std::optional<std::string>& from, const std::optional<std::string>& to,
                const std::string& today) {
  const std::string last = to.value_or(today);
  const Poco::DateTime last_day = checkedDate(last, "to");
  const std::string first = from.value_or(twelveMonthsBefore(last_day));
  const Poco::DateTime first_day = checkedDate(first, "from");
  if (first_day > last_day) throw Error(ErrorCode::kUnprocessable, "from must not be after to", "from");
  if ((last_day - first_day).days() > kMaxPeriodDays)
    throw Error(ErrorCode::kUnprocessable, "the period must not span more than ten years", "from");
  return {first, last};
}

std::vector<std::string> monthsOf(const Period& period) {
  const Poco::DateTime first = checkedDate(period.from, "from");
  const Poco::DateTime last = checkedDate(period.to, "to");
  std::vector<std::string> months;
  for (int year = first.year(), month = first.month();
       year < last.year() || (year == last.year() && month <= last.month());) {
    char text[32];  // room for any int, although years are four digits
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    months.emplace_back(text);
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return months;
}

}  // namespace cqpm::statistics
