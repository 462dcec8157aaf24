#include <chrono>
#include <filesystem>
#include <thread>

#include "notifications/notify_fixture.h"
#include "store/deadline_store.h"

// Deadline reminders fired by the scheduler at chosen times: each is sent
// once, across runs, restarts and instances.

namespace cqpm::testing {
namespace {

class RemindersTest : public NotifyTest {
 protected:
  std::int64_t remindersRecorded(const std::string& file) {
    return app().database().read(
        [&](store::SqlSession& sql) { return store::deadline_store::countReminders(sql, file); });
  }

  /// A second instance over the same database, with its own data folder (one
  /// server per folder; its referential repository is rebuilt from the database).
  std::unique_ptr<app::Server> secondInstance() {
    app::ServerConfig config;
    second_data_dir_ = makeTempDir("cqpm-second");
    config.data_dir = second_data_dir_;
    config.database_url = server_->database().url().empty()
                              ? "sqlite:" + server_->database().dataDir() + "/cqpm.db"
                              : server_->database().url();
    config.bind = "127.0.0.1";
    config.port = 0;
    config.password_cost = {64, 1, 1};
    config.http.web_root.clear();
    config.scheduler_enabled = false;
    return std::make_unique<app::Server>(config);
  }

  void TearDown() override {
    if (!second_data_dir_.empty()) std::filesystem::remove_all(second_data_dir_);
    NotifyTest::TearDown();
  }

  std::string second_data_dir_;
};

TEST_P(RemindersTest, EachReminderIsSentOnceAtItsTime) {
  const std::string centre = client().login("centre");
  const std::string tutor = client().login("entreprise");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  auto& reminders = app().reminders();

  EXPECT_EQ(reminders.runOnce(utc("2031-06-01T08:00:00Z")), 0);  // two weeks before: nothing yet
  EXPECT_EQ(reminders.runOnce(utc("2031-06-08T08:00:00Z")), 1);  // D-7
  EXPECT_EQ(reminders.runOnce(utc("2031-06-08T09:00:00Z")), 0);
  EXPECT_EQ(reminders.runOnce(utc("2031-06-10T09:00:00Z")), 0);
  EXPECT_EQ(countNotifications(tutor, file, "deadline_near"), 1);
  EXPECT_EQ(countNotifications(centre, file, "deadline_near"), 1);
  EXPECT_EQ(countNotifications(client().login("centre2"), file, "deadline_near"), 0);

  EXPECT_EQ(reminders.runOnce(utc("2031-06-14T06:00:00Z")), 1);  // D-1
  EXPECT_EQ(reminders.runOnce(utc("2031-06-15T20:00:00Z")), 0);  // the day itself: already told
  EXPECT_EQ(countNotifications(tutor, file, "deadline_near"), 2);
  EXPECT_EQ(reminders.runOnce(utc("2031-06-15T21:59:00Z")), 0);  // 23:59 in Paris: not overdue yet
  EXPECT_EQ(reminders.runOnce(utc("2031-06-15T22:00:00Z")), 1);  // midnight in Paris: overdue
  EXPECT_EQ(reminders.runOnce(utc("2031-06-20T08:00:00Z")), 0);
  EXPECT_EQ(countNotifications(tutor, file, "deadline_overdue"), 1);
  EXPECT_EQ(countNotifications(centre, file, "deadline_overdue"), 1);
  EXPECT_EQ(remindersRecorded(file), 3);

  // After a restart, or on a second instance, nothing goes twice.
  const auto second = secondInstance();
  EXPECT_EQ(second->reminders().runOnce(utc("2031-06-20T08:00:00Z")), 0);
  EXPECT_EQ(second->reminders().runOnce(utc("2031-06-14T08:00:00Z")), 0);
  EXPECT_EQ(remindersRecorded(file), 3);
  EXPECT_EQ(countNotifications(tutor, file, "deadline_overdue"), 1);
}

TEST_P(RemindersTest, AnExtensionStartsTheRemindersOverForTheNewDate) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  EXPECT_EQ(app().reminders().runOnce(utc("2031-06-16T08:00:00Z")), 1);
  ASSERT_EQ(extend(centre, file, "2031-06-30").status, 201);
  EXPECT_EQ(app().reminders().runOnce(utc("2031-06-23T08:00:00Z")), 1);
  EXPECT_EQ(app().reminders().runOnce(utc("2031-07-01T08:00:00Z")), 1);
  EXPECT_EQ(countNotifications(centre, file, "deadline_overdue"), 2);  // one per due date
}

TEST_P(RemindersTest, AFileWithItsReportOrClosedGetsNoReminder) {
  const std::string centre = client().login("centre");
  const std::string with_report = registeredFile(centre, "Rapporte");
  const std::string withdrawn = registeredFile(centre, "Retire");
  ASSERT_EQ(setDeadline(centre, with_report, "2031-06-15").status, 200);
  ASSERT_EQ(setDeadline(centre, withdrawn, "2031-06-15").status, 200);
  ASSERT_EQ(upload(centre, "/api/v1/files/" + with_report + "/documents", "report").status, 201);
  const auto file = client().get("/api/v1/files/" + withdrawn, centre).json();
  ASSERT_EQ(
      fire(centre, withdrawn, "withdraw", file->getValue<std::int64_t>("version"), R"({"reason":"Abandon"})")
          .status,
      200);
  EXPECT_EQ(app().reminders().runOnce(utc("2031-06-16T08:00:00Z")), 0);
}

TEST_P(RemindersTest, TheSecondInstanceSeesWhatTheFirstSentAndTheReverse) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  const auto second = secondInstance();
  EXPECT_EQ(second->reminders().runOnce(utc("2031-06-08T08:00:00Z")), 1);
  EXPECT_EQ(app().reminders().runOnce(utc("2031-06-08T08:00:00Z")), 0);
  EXPECT_EQ(countNotifications(centre, file, "deadline_near"), 1);
}

// The scheduler's own thread: with an injected clock and a short interval the
// reminder arrives by itself, and stopping the server does not wait for the
// next round.
class SchedulerThreadTest : public NotifyTest {
 protected:
  void configure(app::ServerConfig& config) override {
    config.scheduler_enabled = true;
    config.scheduler_interval_seconds = 1;
    config.notify_interval_ms = 200;
    config.clock = [] { return utc("2031-06-08T08:00:00Z"); };
  }
};

TEST_P(SchedulerThreadTest, RunsTheRemindersByItselfAndStopsAtOnce) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (countNotifications(centre, file, "deadline_near") == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(countNotifications(centre, file, "deadline_near"), 1);

  const auto started = std::chrono::steady_clock::now();
  app().stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1000));
}

INSTANTIATE_TEST_SUITE_P(Backends, RemindersTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, SchedulerThreadTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
