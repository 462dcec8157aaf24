// The `at` of GET /files/{id}?at=… as people and pages write it: a date-time with its zone.

#include "common/iso_instant.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace cqpm {
namespace {

std::string utcOf(const std::string& text) {
  const auto instant = parseIsoInstant(text);
  return instant ? toIso8601(*instant) : "refused";
}

TEST(IsoInstantTest, AnOffsetIsTakenOffAndTheResultIsWrittenAsTheStoreWritesInstants) {
  EXPECT_EQ(utcOf("2027-03-18T10:00:00+01:00"), "2027-03-18T09:00:00.000000Z");
  EXPECT_EQ(utcOf("2027-03-18T10:00+02:00"), "2027-03-18T08:00:00.000000Z");
  EXPECT_EQ(utcOf("2027-03-18T00:30:00-03:30"), "2027-03-18T04:00:00.000000Z");
  EXPECT_EQ(utcOf("2027-03-18T23:30:00-01:00"), "2027-03-19T00:30:00.000000Z");  // the next UTC day
  EXPECT_EQ(utcOf("2027-03-18T09:00:00Z"), "2027-03-18T09:00:00.000000Z");
  EXPECT_EQ(utcOf("2027-03-18T09:00:00.25Z"), "2027-03-18T09:00:00.250000Z");
  EXPECT_EQ(utcOf("2027-03-18T09:00:00.123456789Z"), "2027-03-18T09:00:00.123456Z");
  EXPECT_EQ(utcOf("2028-02-29T12:00:00Z"), "2028-02-29T12:00:00.000000Z");
}

TEST(IsoInstantTest, AnythingElseIsRefusedRatherThanGuessed) {
  for (const char* text :
       {"", "2027-03-18", "2027-03-18T10:00:00", "2027-03-18 10:00:00+01:00", "18/03/2027 10:00",
        "2027-02-30T10:00:00Z", "2027-02-29T10:00:00Z", "2027-13-01T10:00:00Z", "2027-03-18T24:00:00Z",
        "2027-03-18T10:60:00Z", "2027-03-18T10:00:00+1:00", "2027-03-18T10:00:00+01:60",
        "2027-03-18T10:00:00+01:00 ", "2027-03-18T10:00:00.Z", "now", "2027-03-18T10:00:00+01:00:00"}) {
    EXPECT_EQ(utcOf(text), "refused") << text;
  }
}

}  // namespace
}  // namespace cqpm
