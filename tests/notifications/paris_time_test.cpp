#include "deadlines/paris_time.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "notifications/notify_fixture.h"

// Deadlines are Paris calendar days; the offset to UTC comes from the tz database.

namespace cqpm::testing {
namespace {

using deadlines::addDays;
using deadlines::endOfParisDay;
using deadlines::frenchDate;
using deadlines::parisDateOf;

TEST(ParisTimeTest, ADeadlineEndsAtParisMidnightInWinterAndSummer) {
  EXPECT_EQ(toIso8601(endOfParisDay("2026-01-15")), "2026-01-15T23:00:00.000000Z");
  EXPECT_EQ(toIso8601(endOfParisDay("2026-07-15")), "2026-07-15T22:00:00.000000Z");
}

TEST(ParisTimeTest, TheDaysAroundTheClockChangesEndAtTheirOwnMidnight) {
  // 2026: summer time from Sunday 29 March, back to winter time on Sunday 25 October.
  EXPECT_EQ(toIso8601(endOfParisDay("2026-03-28")), "2026-03-28T23:00:00.000000Z");
  EXPECT_EQ(toIso8601(endOfParisDay("2026-03-29")), "2026-03-29T22:00:00.000000Z");
  EXPECT_EQ(toIso8601(endOfParisDay("2026-10-24")), "2026-10-24T22:00:00.000000Z");
  EXPECT_EQ(toIso8601(endOfParisDay("2026-10-25")), "2026-10-25T23:00:00.000000Z");
}

TEST(ParisTimeTest, AnHourOfAParisDayInWinterSummerAndTheSkippedHour) {
  EXPECT_EQ(toIso8601(deadlines::parisHourOn("2026-01-15", 7)), "2026-01-15T06:00:00.000000Z");
  EXPECT_EQ(toIso8601(deadlines::parisHourOn("2026-07-15", 7)), "2026-07-15T05:00:00.000000Z");
  EXPECT_EQ(toIso8601(deadlines::parisHourOn("2026-07-15", 0)), "2026-07-14T22:00:00.000000Z");
  // 02:00 does not exist on 29 March 2026 (clocks go from 02:00 to 03:00): its instant is the change's.
  EXPECT_EQ(toIso8601(deadlines::parisHourOn("2026-03-29", 2)), "2026-03-29T01:00:00.000000Z");
}

TEST(ParisTimeTest, OffsetsComeFromTheTzDatabaseNotFromTodaysRule) {
  // Until 1995 summer time ended on the last Sunday of September (24/09/1995):
  // today's rule, applied by hand, would still say summer in mid-October.
  EXPECT_EQ(toIso8601(endOfParisDay("1995-10-15")), "1995-10-15T23:00:00.000000Z");
  EXPECT_EQ(deadlines::frenchParisTime("1995-10-15T12:30:00.000000Z"), "15/10/1995 à 13 h 30");
  EXPECT_EQ(deadlines::frenchParisTime("2026-07-15T12:30:00.000000Z"), "15/07/2026 à 14 h 30");
}

TEST(ParisTimeTest, TheParisDateChangesAtParisMidnight) {
  EXPECT_EQ(parisDateOf(utc("2026-01-15T22:59:59Z")), "2026-01-15");
  EXPECT_EQ(parisDateOf(utc("2026-01-15T23:00:00Z")), "2026-01-16");
  EXPECT_EQ(parisDateOf(utc("2026-07-15T21:59:59Z")), "2026-07-15");
  EXPECT_EQ(parisDateOf(utc("2026-07-15T22:00:00Z")), "2026-07-16");
}

TEST(ParisTimeTest, DaysAreAddedAcrossMonthsAndYears) {
  EXPECT_EQ(addDays("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(addDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(addDays("2026-12-28", 7), "2027-01-04");
  EXPECT_EQ(frenchDate("2026-03-09"), "09/03/2026");
}

}  // namespace
}  // namespace cqpm::testing
