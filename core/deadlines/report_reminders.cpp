#include "deadlines/report_reminders.h"

#include <algorithm>
#include <optional>

#include "common/clock.h"
#include "deadlines/deadline_service.h"
#include "deadlines/paris_time.h"
#include "notifications/recipients.h"
#include "store/deadline_store.h"

namespace cqpm::deadlines {

namespace {

// Which reminder a deadline due on `due` calls for on the Paris day `today`.
std::optional<std::string> reminderKind(const std::string& due, const std::string& today) {
  if (today > due) return "overdue";  // ISO dates compare as text
  if (today >= addDays(due, -1)) return "1_day";
  if (today >= addDays(due, -7)) return "7_days";
  return std::nullopt;
}

notifications::NewNotification describe(const store::ReminderCandidate& file, const std::string& kind,
                                        const std::string& cqpm_title) {
  notifications::NewNotification notification;
  notification.file_id = file.file_id;
  notification.source_key = "reminder:" + file.file_id + ":report:" + kind + ":" + file.due_date;
  const std::string who = file.candidate_name + " (" + cqpm_title + ")";
  const std::string when = frenchDate(file.due_date) + " (fin de journée, heure de Paris)";
  if (kind == "overdue") {
    notification.kind = "deadline_overdue";
    notification.title = "Rapport en retard";
    notification.body = "L'échéance du rapport de " + who + " était le " + when +
                        " et aucun rapport n'a été déposé. Seul le centre peut prolonger l'échéance.";
  } else {
    notification.kind = "deadline_near";
    notification.title =
        kind == "1_day" ? "Rapport attendu demain au plus tard" : "Rapport attendu dans 7 jours";
    notification.body = "Le rapport de " + who + " est attendu au plus tard le " + when + ".";
  }
  return notification;
}

}  // namespace

int ReportReminders::runOnce(const Poco::Timestamp& now) {
  const std::string today = parisDateOf(now);
  const auto due = db_.read([&](store::SqlSession& sql) {
    return store::deadline_store::reportRemindersDue(sql, addDays(today, 7));
  });
  int sent = 0;
  for (const auto& file : due) {
    if (std::find(final_states_.begin(), final_states_.end(), file.state) != final_states_.end()) continue;
    const auto kind = reminderKind(file.due_date, today);
    if (!kind) continue;
    const std::string at = toIso8601(now);
    // One transaction per reminder: the claim and its notifications commit together.
    const bool claimed = db_.write([&](store::SqlSession& sql) {
      if (!store::deadline_store::claimReminder(sql, file.file_id, kReportDeadline, *kind, file.due_date,
                                                at)) {
        return false;
      }
      const notifications::FileParties parties{file.centre_id, file.company_id, file.candidate_user_id};
      notifications_.notify(sql, notifications::recipientsOf(sql, parties, {true, true, true}),
                            describe(file, *kind, catalog_.titleOf(file.cqpm)), at);
      return true;
    });
    if (claimed) ++sent;
  }
  return sent;
}

}  // namespace cqpm::deadlines
