#include "store/deadline_store.h"

#include "store/candidate_file_store.h"
#include "store/row_reader.h"

namespace cqpm::store::deadline_store {

namespace {

constexpr const char* kSelectDeadlines =
    "SELECT d.file_id, d.kind, d.due_date, d.due_at, d.set_due_date, d.set_by, u.display_name, d.set_at "
    "FROM file_deadlines d JOIN users u ON u.id = d.set_by ";

DeadlineRecord readDeadline(const RowReader& row) {
  DeadlineRecord deadline;
  deadline.file_id = row.text("file_id");
  deadline.kind = row.text("kind");
  deadline.due_date = row.text("due_date");
  deadline.due_at = row.text("due_at");
  deadline.set_due_date = row.text("set_due_date");
  deadline.set_by = row.text("set_by");
  deadline.set_by_name = row.text("display_name");
  deadline.set_at = row.text("set_at");
  return deadline;
}

std::vector<DeadlineExtension> extensionsOf(SqlSession& sql, const std::string& file_id,
                                            const std::string& kind) {
  std::string file = file_id, what = kind;
  auto stmt = sql.query(
      "SELECT e.number, e.from_date, e.until_date, e.reason, e.extended_by, u.display_name, e.extended_at "
      "FROM deadline_extensions e JOIN users u ON u.id = e.extended_by "
      "WHERE e.file_id = ? AND e.kind = ? ORDER BY e.number");
  stmt.bind(file).bind(what);
  std::vector<DeadlineExtension> extensions;
  forEachRow(stmt, [&](const RowReader& row) {
    extensions.push_back({row.integer("number"), row.text("from_date"), row.text("until_date"),
                          row.text("reason"), row.text("extended_by"), row.text("display_name"),
                          row.text("extended_at")});
  });
  return extensions;
}

}  // namespace

std::optional<DeadlineRecord> find(SqlSession& sql, const std::string& file_id, const std::string& kind) {
  std::string file = file_id, what = kind;
  auto stmt = sql.query(std::string(kSelectDeadlines) + "WHERE d.file_id = ? AND d.kind = ?");
  stmt.bind(file).bind(what);
  std::optional<DeadlineRecord> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readDeadline(row); });
  if (found) found->extensions = extensionsOf(sql, file_id, kind);
  return found;
}

std::vector<DeadlineRecord> listForFile(SqlSession& sql, const std::string& file_id) {
  std::string file = file_id;
  auto stmt = sql.query(std::string(kSelectDeadlines) + "WHERE d.file_id = ? ORDER BY d.kind");
  stmt.bind(file);
  std::vector<DeadlineRecord> deadlines;
  forEachRow(stmt, [&](const RowReader& row) { deadlines.push_back(readDeadline(row)); });
  for (auto& deadline : deadlines) deadline.extensions = extensionsOf(sql, file_id, deadline.kind);
  return deadlines;
}

void upsert(SqlSession& sql, const DeadlineRecord& deadline) {
  DeadlineRecord d = deadline;
  {
    auto remove = sql.query("DELETE FROM file_deadlines WHERE file_id = ? AND kind = ?");
    remove.bind(d.file_id).bind(d.kind);
    remove.execute();
  }
  auto stmt = sql.query(
      "INSERT INTO file_deadlines (file_id, kind, due_date, due_at, set_due_date, set_by, set_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(d.file_id)
      .bind(d.kind)
      .bind(d.due_date)
      .bind(d.due_at)
      .bind(d.set_due_date)
      .bind(d.set_by)
      .bind(d.set_at);
  stmt.execute();
  candidate_file_store::refreshPendingReport(sql, d.file_id);
}

void addExtension(SqlSession& sql, const std::string& file_id, const std::string& kind,
                  const DeadlineExtension& extension, const std::string& due_at) {
  std::string file = file_id, what = kind, at = due_at;
  DeadlineExtension e = extension;
  Poco::Int64 number = e.number;
  auto insert = sql.query(
      "INSERT INTO deadline_extensions (file_id, kind, number, from_date, until_date, reason, extended_by, "
      "extended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(file)
      .bind(what)
      .bind(number)
      .bind(e.from_date)
      .bind(e.until_date)
      .bind(e.reason)
      .bind(e.extended_by)
      .bind(e.extended_at);
  insert.execute();
  auto update =
      sql.query("UPDATE file_deadlines SET due_date = ?, due_at = ? WHERE file_id = ? AND kind = ?");
  update.bind(e.until_date).bind(at).bind(file).bind(what);
  update.execute();
  candidate_file_store::refreshPendingReport(sql, file);
}

std::vector<ReminderCandidate> reportRemindersDue(SqlSession& sql, const std::string& last_due_date) {
  std::string last = last_due_date;
  auto stmt = sql.query(
      "SELECT d.file_id, d.due_date, f.state, f.centre_id, f.company_id, f.candidate_user_id, f.given_name, "
      "f.family_name, f.cqpm FROM file_deadlines d JOIN candidate_files f ON f.id = d.file_id "
      "WHERE d.kind = 'report' AND d.due_date <= ? AND NOT EXISTS "
      "(SELECT 1 FROM documents doc WHERE doc.file_id = d.file_id AND doc.kind = 'report') "
      "ORDER BY d.due_date, d.file_id");
  stmt.bind(last);
  std::vector<ReminderCandidate> due;
  forEachRow(stmt, [&](const RowReader& row) {
    due.push_back({row.text("file_id"), row.text("due_date"), row.text("state"), row.text("centre_id"),
                   row.optionalText("company_id"), row.optionalText("candidate_user_id"),
                   row.text("given_name") + " " + row.text("family_name"), row.text("cqpm")});
  });
  return due;
}

bool claimReminder(SqlSession& sql, const std::string& file_id, const std::string& deadline_kind,
                   const std::string& reminder_kind, const std::string& due_date, const std::string& at) {
  std::string file = file_id, deadline = deadline_kind, reminder = reminder_kind, due = due_date, when = at;
  // ON CONFLICT DO NOTHING (SQLite 3.24+, PostgreSQL 9.5+): a second claimer
  // affects no row instead of aborting its transaction.
  auto stmt = sql.query(
      "INSERT INTO sent_reminders (file_id, deadline_kind, reminder_kind, due_date, sent_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
  stmt.bind(file).bind(deadline).bind(reminder).bind(due).bind(when);
  return stmt.execute() == 1;
}

std::int64_t countReminders(SqlSession& sql, const std::string& file_id) {
  std::string file = file_id;
  auto stmt = sql.query("SELECT COUNT(*) AS n FROM sent_reminders WHERE file_id = ?");
  stmt.bind(file);
  std::int64_t count = 0;
  forEachRow(stmt, [&](const RowReader& row) { count = row.integer("n"); });
  return count;
}

}  // namespace cqpm::store::deadline_store
