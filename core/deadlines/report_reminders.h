#pragma once

#include <Poco/Timestamp.h>

#include <string>
#include <vector>

#include "notifications/notification_service.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"

namespace cqpm::deadlines {

/// Reminders about report deadlines, fired by the scheduler: 7 days before
/// the due date ("7_days", sent from D-7 to D-2), the day before ("1_day",
/// sent on D-1 or D) and an overdue notice from the day after ("overdue"),
/// measured in Paris calendar days. Files that already hold a report, and
/// closed files, get none. Each reminder is sent once per due date: its key
/// (file, deadline kind, reminder kind, due date) is inserted in the same
/// transaction that creates its notifications, so a restart or a second
/// instance never sends it again; an extension moves the due date, and the
/// reminders start over for the new date.
/// Recipients: the company's tutors and the candidate's account (whoever
/// uploads the report) and the centre's coordinators.
class ReportReminders {
 public:
  ReportReminders(store::Database& db, const notifications::NotificationService& notifications,
                  const plugins::PluginCatalog& catalog, std::vector<std::string> final_states)
      : db_(db), notifications_(notifications), catalog_(catalog), final_states_(std::move(final_states)) {}

  /// Sends the reminders due at `now`; returns how many reminders it sent.
  int runOnce(const Poco::Timestamp& now);

 private:
  store::Database& db_;
  const notifications::NotificationService& notifications_;
  const plugins::PluginCatalog& catalog_;
  std::vector<std::string> final_states_;
};

}  // namespace cqpm::deadlines
