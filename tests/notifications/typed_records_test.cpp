// The deadline and notification services answer typed records (the API's JSON
// is made in http/*_presenters.cpp): what they hold, read in process.

#include "common/clock.h"
#include "support/demo_services.h"

namespace cqpm::testing {
namespace {

class DeadlineRecordsTest : public DemoServicesTest {};

TEST_P(DeadlineRecordsTest, ASetAndExtendedDeadlineKeepsItsHistory) {
  const std::string file = demoFile("Lucas Martin");
  const auto centre = actor("centre");
  auto& deadlines = server().deadlines();

  const auto set = deadlines.setReportDeadline(centre, file, "2099-03-10");
  EXPECT_EQ(set.deadline.kind, "report");
  EXPECT_EQ(set.deadline.due_date, "2099-03-10");
  EXPECT_EQ(set.deadline.set_due_date, "2099-03-10");
  EXPECT_EQ(set.deadline.set_by, centre.user_id);
  EXPECT_EQ(set.deadline.set_by_name, "Claire Moreau");
  EXPECT_EQ(set.deadline.due_at.substr(0, 19), "2099-03-10T23:00:00");  // the end of a Paris winter day
  EXPECT_FALSE(set.passed);
  EXPECT_TRUE(set.deadline.extensions.empty());

  const auto extended = deadlines.extendReportDeadline(centre, file, "2099-04-01", "Arrêt maladie");
  EXPECT_EQ(extended.deadline.due_date, "2099-04-01");
  EXPECT_EQ(extended.deadline.set_due_date, "2099-03-10");
  ASSERT_EQ(extended.deadline.extensions.size(), 1u);
  const auto& extension = extended.deadline.extensions[0];
  EXPECT_EQ(extension.number, 1);
  EXPECT_EQ(extension.from_date, "2099-03-10");
  EXPECT_EQ(extension.until_date, "2099-04-01");
  EXPECT_EQ(extension.reason, "Arrêt maladie");
  EXPECT_EQ(extension.extended_by_name, "Claire Moreau");

  const auto mine = deadlines.list(actor("entreprise"), file);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].deadline.due_date, "2099-04-01");
  EXPECT_EQ(mine[0].deadline.extensions.size(), 1u);

  const auto past = deadlines.setReportDeadline(centre, file, "2001-01-01");
  EXPECT_TRUE(past.passed);
  EXPECT_EQ(past.deadline.extensions.size(), 1u);  // earlier extensions stay in the history
}

TEST_P(DeadlineRecordsTest, RefusalsNameTheField) {
  const std::string file = demoFile("Lucas Martin");
  const auto centre = actor("centre");
  auto& deadlines = server().deadlines();
  EXPECT_EQ(outcomeOf([&] { deadlines.setReportDeadline(centre, file, "10/03/2099"); }), "invalid_field due");
  EXPECT_EQ(outcomeOf([&] { deadlines.setReportDeadline(actor("entreprise"), file, "2099-03-10"); }),
            "forbidden ");
  EXPECT_EQ(outcomeOf([&] { deadlines.setReportDeadline(actor("centre2"), file, "2099-03-10"); }),
            "not_found ");
  deadlines.setReportDeadline(centre, file, "2099-03-10");
  EXPECT_EQ(outcomeOf([&] { deadlines.extendReportDeadline(centre, file, "2099-03-01", "Raison"); }),
            "unprocessable until");
  EXPECT_EQ(outcomeOf([&] { deadlines.extendReportDeadline(centre, file, "2099-04-01", "  "); }),
            "invalid_field reason");
}

class NotificationRecordsTest : public DemoServicesTest {};

TEST_P(NotificationRecordsTest, AListHoldsTheActorsOwnNewestFirstWithTheUnreadCount) {
  const auto candidate = actor("candidat");
  const std::string file = demoFile("Lucas Martin");
  auto& notifications = server().notifications();
  server().database().write([&](store::SqlSession& sql) {
    notifications.notify(sql, {candidate.user_id},
                         {"deadline_near", file, "test:first", "Échéance proche", "Le rapport est attendu."},
                         "2030-01-01T08:00:00Z");
    notifications.notify(sql, {candidate.user_id},
                         {"decision", std::nullopt, "test:second", "Décision", "Lu."},
                         "2030-01-02T08:00:00Z");
  });
  const auto before = notifications.list(candidate, 200);
  ASSERT_GE(before.items.size(), 2u);
  const auto& newest = before.items[0];
  EXPECT_EQ(newest.kind, "decision");
  EXPECT_FALSE(newest.file_id);
  EXPECT_EQ(newest.title, "Décision");
  EXPECT_EQ(newest.created_at, "2030-01-02T08:00:00Z");
  EXPECT_FALSE(newest.read_at);
  EXPECT_EQ(newest.email_state, "none");  // no SMTP server: in-app only
  EXPECT_EQ(before.items[1].file_id, file);
  EXPECT_GE(before.unread, 2);

  EXPECT_EQ(notifications.list(candidate, 1).items.size(), 1u);
  EXPECT_EQ(notifications.list(candidate, 1).unread, before.unread);  // the count goes beyond the limit
  for (const auto& other : notifications.list(actor("centre"), 200).items) {
    EXPECT_NE(other.source_key.rfind("test:", 0), 0u) << "someone else's notification listed";
  }

  notifications.markRead(candidate, newest.id);
  const auto one_read = notifications.list(candidate, 200);
  EXPECT_TRUE(one_read.items[0].read_at);
  EXPECT_EQ(one_read.unread, before.unread - 1);
  EXPECT_EQ(notifications.markAllRead(candidate), before.unread - 1);
  EXPECT_EQ(notifications.list(candidate, 200).unread, 0);
  try {
    notifications.list(candidate, 0);
    FAIL() << "a limit of 0 was taken";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "limit");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DeadlineRecordsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, NotificationRecordsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
