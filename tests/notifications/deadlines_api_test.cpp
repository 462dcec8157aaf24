#include "notifications/notify_fixture.h"

// Report deadlines through the real server: set, extend, history, the upload
// rule, the dashboard's overdue flag, and refusals.

namespace cqpm::testing {
namespace {

class DeadlinesApiTest : public NotifyTest {};

TEST_P(DeadlinesApiTest, TheCentreSetsAndExtendsTheReportDeadlineWithItsHistory) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const auto set = setDeadline(centre, file, "2031-06-15");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()->getValue<std::string>("due"), "2031-06-15");
  EXPECT_EQ(set.json()->getValue<std::string>("due_at"), "2031-06-15T22:00:00.000000Z");
  EXPECT_EQ(set.json()->getValue<std::string>("time_zone"), "Europe/Paris");

  const auto extended = extend(centre, file, "2031-07-01");
  ASSERT_EQ(extended.status, 201) << extended.body;
  const auto listed = client().get("/api/v1/files/" + file + "/deadlines", centre);
  ASSERT_EQ(listed.status, 200);
  const auto report = listed.json()->getArray("items")->getObject(0);
  EXPECT_EQ(report->getValue<std::string>("kind"), "report");
  EXPECT_EQ(report->getValue<std::string>("due"), "2031-07-01");
  EXPECT_EQ(report->getValue<std::string>("set_due"), "2031-06-15");
  EXPECT_FALSE(report->getValue<bool>("passed"));
  const auto history = report->getArray("extensions");
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->getObject(0)->getValue<std::string>("from"), "2031-06-15");
  EXPECT_EQ(history->getObject(0)->getValue<std::string>("until"), "2031-07-01");
  EXPECT_EQ(history->getObject(0)->getValue<std::string>("reason"), "Arrêt maladie du candidat");

  // Both changes are events of the file's history.
  const auto events = client().get("/api/v1/files/" + file + "/events", centre).json()->getArray("items");
  const auto n = events->size();
  EXPECT_EQ(events->getObject(static_cast<unsigned>(n - 2))->getValue<std::string>("transition"),
            "deadline_set");
  EXPECT_EQ(events->getObject(static_cast<unsigned>(n - 1))->getValue<std::string>("transition"),
            "deadline_extended");
  // Whoever reads the file reads its deadlines.
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/deadlines", client().login("entreprise")).status, 200);
}

TEST_P(DeadlinesApiTest, BadDatesAndExtensionsNameTheirField) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  const auto malformed = setDeadline(centre, file, "15/06/2031");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.errorField(), "due");
  EXPECT_EQ(setDeadline(centre, file, "2031-02-30").errorField(), "due");
  const auto missing =
      client().request("PUT", "/api/v1/files/" + file + "/deadlines/report", "{}",
                       {{"Authorization", "Bearer " + centre}, {"Content-Type", "application/json"}});
  EXPECT_EQ(missing.errorField(), "due");

  const auto without_deadline = extend(centre, file, "2031-07-01");
  EXPECT_EQ(without_deadline.status, 409);

  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  const auto earlier = extend(centre, file, "2031-06-10");
  EXPECT_EQ(earlier.status, 422);
  EXPECT_EQ(earlier.errorCode(), "unprocessable");
  EXPECT_EQ(earlier.errorField(), "until");
  EXPECT_EQ(extend(centre, file, "2031-06-15").errorField(), "until");  // the same day is no extension
  const auto no_reason = extend(centre, file, "2031-07-01", "  ");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.errorField(), "reason");
  EXPECT_EQ(extend(centre, file, "2031-13-01").errorField(), "until");
}

TEST_P(DeadlinesApiTest, OnlyTheFilesCentreCoordinatorsChangeDeadlines) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  EXPECT_EQ(setDeadline(client().login("entreprise"), file, "2031-06-15").status, 403);
  EXPECT_EQ(setDeadline(client().login("centre2"), file, "2031-06-15").status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/deadlines", client().login("centre2")).status, 404);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  EXPECT_EQ(extend(client().login("entreprise"), file, "2031-07-01").status, 403);
  EXPECT_EQ(extend(client().login("centre2"), file, "2031-07-01").status, 404);
}

TEST_P(DeadlinesApiTest, AReportAfterItsDeadlineIsRefusedUntilTheCentreExtendsIt) {
  const std::string centre = client().login("centre");
  const std::string tutor = client().login("entreprise");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2020-03-12").status, 200);
  const std::string path = "/api/v1/files/" + file + "/documents";

  for (const bool kind_first : {true, false}) {
    const auto late = upload(tutor, path, "report", kind_first);
    EXPECT_EQ(late.status, 422) << late.body;
    EXPECT_EQ(late.errorCode(), "deadline_passed");
    EXPECT_NE(late.body.find("2020-03-12"), std::string::npos) << late.body;
  }
  // Other kinds of document are not bound by the report's deadline.
  EXPECT_EQ(upload(tutor, path, "evidence").status, 201);

  ASSERT_EQ(extend(centre, file, "2099-12-31", "Rapport transmis par courrier").status, 201);
  const auto accepted = upload(tutor, path, "report");
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const std::string doc = accepted.json()->getValue<std::string>("id");

  // A new version of the report follows the same rule, refused before its bytes.
  ASSERT_EQ(setDeadline(centre, file, "2020-03-12").status, 200);
  const auto late_version = upload(tutor, "/api/v1/documents/" + doc + "/versions", "");
  EXPECT_EQ(late_version.status, 422) << late_version.body;
  EXPECT_EQ(late_version.errorCode(), "deadline_passed");
  const auto documents = client().get(path, centre).json()->getArray("items");
  EXPECT_EQ(documents->size(), 2u);  // the evidence and the report, at version 1 each
}

TEST_P(DeadlinesApiTest, TheFileListFlagsAndFiltersOverdueFiles) {
  const std::string centre = client().login("centre");
  const std::string late = registeredFile(centre, "Retard");
  const std::string on_time = registeredFile(centre, "Alheure");
  ASSERT_EQ(setDeadline(centre, late, "2020-03-12").status, 200);
  ASSERT_EQ(setDeadline(centre, on_time, "2099-03-12").status, 200);

  const auto file = client().get("/api/v1/files/" + late, centre).json();
  EXPECT_TRUE(file->getValue<bool>("overdue"));
  EXPECT_FALSE(client().get("/api/v1/files/" + on_time, centre).json()->getValue<bool>("overdue"));

  const auto overdue = client().get("/api/v1/files?overdue=true&limit=100", centre);
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  const auto items = overdue.json()->getArray("items");
  bool late_listed = false;
  for (std::size_t i = 0; i < items->size(); ++i) {  // with the demo's own overdue file
    const auto item = items->getObject(static_cast<unsigned>(i));
    EXPECT_TRUE(item->getValue<bool>("overdue"));
    EXPECT_NE(item->getValue<std::string>("id"), on_time);
    late_listed = late_listed || item->getValue<std::string>("id") == late;
  }
  EXPECT_TRUE(late_listed);
  EXPECT_EQ(client().get("/api/v1/files?overdue=yes", centre).errorField(), "overdue");

  // An extension clears the flag; so does a report, whatever the date.
  ASSERT_EQ(extend(centre, late, "2099-01-01").status, 201);
  EXPECT_FALSE(client().get("/api/v1/files/" + late, centre).json()->getValue<bool>("overdue"));
  ASSERT_EQ(upload(centre, "/api/v1/files/" + on_time + "/documents", "report").status, 201);
  ASSERT_EQ(setDeadline(centre, on_time, "2020-01-01").status, 200);
  EXPECT_FALSE(client().get("/api/v1/files/" + on_time, centre).json()->getValue<bool>("overdue"));
}

// The server's clock set past a deadline that the wall clock has not reached:
// the file's overdue flag and the overdue filter read the same injected clock
// as the deadline service, so the three agree.
class DeadlinesUnderTestClockTest : public NotifyTest {
 protected:
  void configure(app::ServerConfig& config) override {
    config.clock = [] { return utc("2031-09-01T08:00:00Z"); };
  }
};

TEST_P(DeadlinesUnderTestClockTest, TheOverdueFlagAndFilterAgreeWithTheDeadlineService) {
  const std::string centre = client().login("centre");
  const std::string late = registeredFile(centre, "Horloge");
  ASSERT_EQ(setDeadline(centre, late, "2031-06-15").status, 200);  // after today, before the clock

  const auto deadlines = client().get("/api/v1/files/" + late + "/deadlines", centre);
  ASSERT_EQ(deadlines.status, 200) << deadlines.body;
  EXPECT_TRUE(deadlines.json()->getArray("items")->getObject(0)->getValue<bool>("passed"));
  EXPECT_TRUE(client().get("/api/v1/files/" + late, centre).json()->getValue<bool>("overdue"));

  const auto overdue = client().get("/api/v1/files?overdue=true&limit=100", centre);
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  const auto items = overdue.json()->getArray("items");
  bool late_listed = false;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    EXPECT_TRUE(item->getValue<bool>("overdue"));
    late_listed = late_listed || item->getValue<std::string>("id") == late;
  }
  EXPECT_TRUE(late_listed);
}

INSTANTIATE_TEST_SUITE_P(Backends, DeadlinesUnderTestClockTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Backends, DeadlinesApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
