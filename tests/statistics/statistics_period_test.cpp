#include "statistics/statistics_period.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace cqpm::statistics {
namespace {

std::string fieldOf(const std::optional<std::string>& from, const std::optional<std::string>& to) {
  try {
    periodOf(from, to, "2026-07-15");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnprocessable);
    return e.field();
  }
  return "accepted";
}

TEST(StatisticsPeriodTest, DefaultsToTheTwelveCalendarMonthsEndingToday) {
  const Period period = periodOf(std::nullopt, std::nullopt, "2026-07-15");
  EXPECT_EQ(period.from, "2025-08-01");
  EXPECT_EQ(period.to, "2026-07-15");
  EXPECT_EQ(periodOf(std::nullopt, "2026-12-31", "2026-07-15").from, "2026-01-01");
  EXPECT_EQ(periodOf("2026-03-01", std::nullopt, "2026-07-15").to, "2026-07-15");
}

TEST(StatisticsPeriodTest, RefusesWhatIsNotADayNamingTheField) {
  EXPECT_EQ(fieldOf("2026-13-01", std::nullopt), "from");
  EXPECT_EQ(fieldOf("yesterday", "2026-07-01"), "from");
  EXPECT_EQ(fieldOf("2026-01-01", "2026-02-29"), "to");  // 2026 is no leap year
  EXPECT_EQ(fieldOf("2026-01-01", ""), "to");
}

TEST(StatisticsPeriodTest, RefusesAPeriodBackwardsOrLongerThanTenYears) {
  EXPECT_EQ(fieldOf("2026-07-02", "2026-07-01"), "from");
  EXPECT_EQ(fieldOf("2015-01-01", "2026-07-01"), "from");
  EXPECT_EQ(fieldOf("2026-07-01", "2026-07-01"), "accepted");
  EXPECT_EQ(fieldOf("2017-01-01", "2026-07-01"), "accepted");
}

TEST(StatisticsPeriodTest, ListsTheCalendarMonthsItTouches) {
  EXPECT_EQ(monthsOf({"2026-01-31", "2026-01-31"}), std::vector<std::string>{"2026-01"});
  EXPECT_EQ(monthsOf({"2025-11-15", "2026-02-01"}),
            (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"}));
  EXPECT_EQ(monthsOf({"2017-01-01", "2026-12-31"}).size(), 120u);
}

}  // namespace
}  // namespace cqpm::statistics
