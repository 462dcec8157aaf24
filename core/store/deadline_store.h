#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One extension of a deadline, as recorded.
struct DeadlineExtension {
  std::int64_t number = 0;  ///< 1 for the first extension of the deadline
  std::string from_date;    ///< the due date it replaced (YYYY-MM-DD)
  std::string until_date;   ///< the new due date
  std::string reason;
  std::string extended_by;       ///< user id
  std::string extended_by_name;  ///< filled when read
  std::string extended_at;
};

/// A deadline of a candidate file, with its extensions oldest first.
struct DeadlineRecord {
  std::string file_id;
  std::string kind;          ///< "report"
  std::string due_date;      ///< in force, after extensions (YYYY-MM-DD, Europe/Paris)
  std::string due_at;        ///< the UTC instant that day ends (ISO-8601)
  std::string set_due_date;  ///< the date the centre set, before extensions
  std::string set_by;        ///< user id
  std::string set_by_name;   ///< filled when read
  std::string set_at;
  std::vector<DeadlineExtension> extensions;
};

/// A report deadline close to or past its date, with what a reminder needs.
struct ReminderCandidate {
  std::string file_id;
  std::string due_date;
  std::string state;
  std::string centre_id;
  std::optional<std::string> company_id;
  std::optional<std::string> candidate_user_id;
  std::string candidate_name;  ///< "given family"
  std::string cqpm;
};

/// File deadlines, their extensions and the record of reminders sent. Every
/// function runs on the session it is given.
namespace deadline_store {

std::optional<DeadlineRecord> find(SqlSession& sql, const std::string& file_id, const std::string& kind);
std::vector<DeadlineRecord> listForFile(SqlSession& sql, const std::string& file_id);
/// Sets (or replaces) the due date; extensions already recorded stay as history.
void upsert(SqlSession& sql, const DeadlineRecord& deadline);
/// Records an extension and moves the deadline's due date to `until_date`.
void addExtension(SqlSession& sql, const std::string& file_id, const std::string& kind,
                  const DeadlineExtension& extension, const std::string& due_at);

/// Report deadlines whose due date is on or before `last_due_date` and whose
/// file holds no report document yet.
std::vector<ReminderCandidate> reportRemindersDue(SqlSession& sql, const std::string& last_due_date);
/// Claims a reminder: true if this call recorded it, false if it was already
/// recorded (by this or another instance).
bool claimReminder(SqlSession& sql, const std::string& file_id, const std::string& deadline_kind,
                   const std::string& reminder_kind, const std::string& due_date, const std::string& at);
/// Number of recorded reminders of a file (tests, audits).
std::int64_t countReminders(SqlSession& sql, const std::string& file_id);

}  // namespace deadline_store
}  // namespace cqpm::store
