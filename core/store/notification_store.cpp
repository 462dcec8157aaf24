#include "store/notification_store.h"

#include "store/row_reader.h"

namespace cqpm::store::notification_store {

bool insert(SqlSession& sql, const NotificationRecord& notification) {
  NotificationRecord n = notification;
  Poco::Nullable<std::string> file, link;
  if (n.file_id) file = *n.file_id;
  if (n.link) link = *n.link;
  // ON CONFLICT DO NOTHING: the same source never notifies a user twice, even
  // from two instances at once, and a duplicate does not abort the transaction.
  auto stmt = sql.query(
      "INSERT INTO notifications (id, user_id, kind, file_id, source_key, title, body, created_at, "
      "email_state, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
  stmt.bind(n.id)
      .bind(n.user_id)
      .bind(n.kind)
      .bind(file)
      .bind(n.source_key)
      .bind(n.title)
      .bind(n.body)
      .bind(n.created_at)
      .bind(n.email_state)
      .bind(link);
  return stmt.execute() == 1;
}

std::vector<NotificationRecord> listForUser(SqlSession& sql, const std::string& user_id, int limit) {
  std::string user = user_id;
  auto stmt = sql.query(
      "SELECT id, user_id, kind, file_id, source_key, title, body, created_at, read_at, email_state, link "
      "FROM notifications WHERE user_id = ? AND kind <> 'account_link' ORDER BY created_at DESC, id DESC "
      "LIMIT " +
      std::to_string(limit));
  stmt.bind(user);
  std::vector<NotificationRecord> items;
  forEachRow(stmt, [&](const RowReader& row) {
    items.push_back({row.text("id"), row.text("user_id"), row.text("kind"), row.optionalText("file_id"),
                     row.text("source_key"), row.text("title"), row.text("body"), row.text("created_at"),
                     row.optionalText("read_at"), row.text("email_state"), row.optionalText("link")});
  });
  return items;
}

std::int64_t unreadCount(SqlSession& sql, const std::string& user_id) {
  std::string user = user_id;
  auto stmt = sql.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL AND kind <> "
      "'account_link'");
  stmt.bind(user);
  std::int64_t count = 0;
  forEachRow(stmt, [&](const RowReader& row) { count = row.integer("n"); });
  return count;
}

bool markRead(SqlSession& sql, const std::string& id, const std::string& user_id, const std::string& at) {
  std::string key = id, user = user_id, when = at;
  auto stmt =
      sql.query("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?");
  stmt.bind(when).bind(key).bind(user);
  return stmt.execute() == 1;
}

std::int64_t markAllRead(SqlSession& sql, const std::string& user_id, const std::string& at) {
  std::string user = user_id, when = at;
  auto stmt = sql.query("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL");
  stmt.bind(when).bind(user);
  return static_cast<std::int64_t>(stmt.execute());
}

std::vector<PendingEmail> pendingEmails(SqlSession& sql, const std::string& now, int limit) {
  std::string when = now;
  auto stmt = sql.query(
      "SELECT n.id, n.kind, u.email, u.display_name, n.title, n.body, n.email_attempts, n.file_id, n.link "
      "FROM notifications n "
      "JOIN users u ON u.id = n.user_id WHERE n.email_state IN ('pending', 'sending') AND "
      "(n.email_next_attempt_at IS NULL OR n.email_next_attempt_at <= ?) ORDER BY n.created_at, n.id LIMIT " +
      std::to_string(limit));
  stmt.bind(when);
  std::vector<PendingEmail> pending;
  forEachRow(stmt, [&](const RowReader& row) { pending.push_back(readPendingEmail(row)); });
  return pending;
}

PendingEmail readPendingEmail(const RowReader& row) {
  return {row.text("id"),           row.text("email"),
          row.text("display_name"), row.text("title"),
          row.text("body"),         row.integer("email_attempts"),
          row.text("kind"),         row.optionalText("file_id"),
          row.optionalText("link")};
}

EmailBacklog emailBacklog(SqlSession& sql) {
  EmailBacklog backlog{};
  sql.query(
         "SELECT COUNT(*) AS due, COALESCE(SUM(CASE WHEN email_attempts > 0 THEN 1 ELSE 0 END), 0) AS "
         "retrying "
         "FROM notifications WHERE email_state IN ('pending', 'sending')")
      .forEachRow([&](const RowReader& row) {
        backlog = {row.integer("due"), row.integer("retrying")};
      });
  return backlog;
}

bool claimEmail(SqlSession& sql, const std::string& id, const std::string& now,
                const std::string& lease_until) {
  std::string key = id, at = now, until = lease_until;
  // 'sending' with its lease in the past: the instance that claimed it stopped
  // before it could say sent or failed; the e-mail is due again.
  auto stmt = sql.query(
      "UPDATE notifications SET email_state = 'sending', email_next_attempt_at = ? WHERE id = ? AND "
      "(email_state = 'pending' OR email_state = 'sending') AND "
      "(email_next_attempt_at IS NULL OR email_next_attempt_at <= ?)");
  stmt.bind(until).bind(key).bind(at);
  return stmt.execute() == 1;
}

void markEmailSent(SqlSession& sql, const std::string& id, const std::string& at) {
  std::string key = id, when = at;
  auto stmt = sql.query(
      "UPDATE notifications SET email_state = 'sent', email_sent_at = ?, email_error = NULL, "
      "email_attempts = email_attempts + 1, "
      // A one-time link is not kept once it went out: the database never holds a usable link for long.
      "body = CASE WHEN kind = 'account_link' THEN '(lien envoyé par e-mail)' ELSE body END WHERE id = ?");
  stmt.bind(when).bind(key);
  stmt.execute();
}

void markEmailFailed(SqlSession& sql, const std::string& id, const std::string& error,
                     const std::string& retry_at) {
  std::string key = id, message = error.substr(0, 500), when = retry_at;
  auto stmt = sql.query(
      "UPDATE notifications SET email_state = 'pending', email_error = ?, email_next_attempt_at = ?, "
      "email_attempts = email_attempts + 1 WHERE id = ?");
  stmt.bind(message).bind(when).bind(key);
  stmt.execute();
}

std::vector<StateChange> stateChangesSince(SqlSession& sql, const std::string& since,
                                           const std::vector<std::string>& states, int limit) {
  std::vector<std::string> values{since};
  std::string placeholders;
  for (const auto& state : states) {
    placeholders += placeholders.empty() ? "?" : ", ?";
    values.push_back(state);
  }
  auto stmt = sql.query(
      "SELECT e.file_id, e.seq, e.to_state, e.at, f.centre_id, f.company_id, f.candidate_user_id, "
      "f.given_name, f.family_name, f.cqpm FROM file_events e JOIN candidate_files f ON f.id = e.file_id "
      "WHERE e.at >= ? AND e.to_state IN (" +
      placeholders +
      ") AND (e.from_state IS NULL OR e.from_state <> e.to_state) ORDER BY e.at, e.file_id, e.seq LIMIT " +
      std::to_string(limit));
  for (auto& value : values) stmt.bind(value);
  std::vector<StateChange> changes;
  forEachRow(stmt, [&](const RowReader& row) {
    changes.push_back({row.text("file_id"), row.integer("seq"), row.text("to_state"), row.text("at"),
                       row.text("centre_id"), row.optionalText("company_id"),
                       row.optionalText("candidate_user_id"),
                       row.text("given_name") + " " + row.text("family_name"), row.text("cqpm")});
  });
  return changes;
}

std::string readCursor(SqlSession& sql, const std::string& name) {
  std::string key = name;
  auto stmt = sql.query("SELECT at FROM notifier_cursor WHERE name = ?");
  stmt.bind(key);
  std::string at;
  forEachRow(stmt, [&](const RowReader& row) { at = row.text("at"); });
  return at;
}

void writeCursor(SqlSession& sql, const std::string& name, const std::string& at) {
  std::string key = name, when = at;
  // Never backwards: another instance may have read further already.
  auto stmt = sql.query(
      "INSERT INTO notifier_cursor (name, at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET at = "
      "excluded.at WHERE notifier_cursor.at < excluded.at");
  stmt.bind(key).bind(when);
  stmt.execute();
}

}  // namespace cqpm::store::notification_store
