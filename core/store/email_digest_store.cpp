#include "store/email_digest_store.h"

#include "store/row_reader.h"

namespace cqpm::store::email_digest_store {

std::vector<std::string> usersWaiting(SqlSession& sql, const std::string& before, int limit) {
  std::string until = before;
  auto stmt = sql.query(
      "SELECT DISTINCT user_id FROM notifications WHERE email_state = 'digest' AND created_at < ? "
      "ORDER BY user_id LIMIT " +
      std::to_string(limit));
  stmt.bind(until);
  std::vector<std::string> users;
  forEachRow(stmt, [&](const RowReader& row) { users.push_back(row.text("user_id")); });
  return users;
}

std::int64_t claim(SqlSession& sql, const std::string& user_id, const std::string& paris_day,
                   const std::string& before, const std::string& now) {
  std::string user = user_id, day = paris_day, until = before, at = now;
  // The row is the claim: ON CONFLICT DO NOTHING lets only one instance have it.
  auto insert = sql.query(
      "INSERT INTO email_digests (user_id, paris_day, state, claimed_at, notifications) "
      "VALUES (?, ?, 'sending', ?, 0) ON CONFLICT DO NOTHING");
  insert.bind(user).bind(day).bind(at);
  if (insert.execute() != 1) return 0;
  auto gather = sql.query(
      "UPDATE notifications SET email_state = 'digest_sending', email_digest_day = ? WHERE user_id = ? AND "
      "email_state = 'digest' AND created_at < ?");
  gather.bind(day).bind(user).bind(until);
  const auto count = static_cast<std::int64_t>(gather.execute());
  if (count == 0) {
    auto drop = sql.query("DELETE FROM email_digests WHERE user_id = ? AND paris_day = ?");
    drop.bind(user).bind(day);
    drop.execute();
    return 0;
  }
  auto counted = sql.query("UPDATE email_digests SET notifications = ? WHERE user_id = ? AND paris_day = ?");
  counted.bind(count).bind(user).bind(day);
  counted.execute();
  return count;
}

std::vector<PendingEmail> gathered(SqlSession& sql, const std::string& user_id,
                                   const std::string& paris_day) {
  std::string user = user_id, day = paris_day;
  auto stmt = sql.query(
      "SELECT n.id, n.kind, u.email, u.display_name, n.title, n.body, n.email_attempts, n.file_id, n.link "
      "FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.user_id = ? AND n.email_digest_day = ? "
      "AND n.email_state = 'digest_sending' ORDER BY n.created_at, n.id");
  stmt.bind(user).bind(day);
  std::vector<PendingEmail> items;
  forEachRow(stmt, [&](const RowReader& row) { items.push_back(notification_store::readPendingEmail(row)); });
  return items;
}

void markSent(SqlSession& sql, const std::string& user_id, const std::string& paris_day,
              const std::string& at) {
  std::string user = user_id, day = paris_day, when = at;
  auto notifications = sql.query(
      "UPDATE notifications SET email_state = 'sent', email_sent_at = ?, email_attempts = email_attempts + 1 "
      "WHERE user_id = ? AND email_digest_day = ? AND email_state = 'digest_sending'");
  notifications.bind(when).bind(user).bind(day);
  notifications.execute();
  auto digest =
      sql.query("UPDATE email_digests SET state = 'sent', sent_at = ? WHERE user_id = ? AND paris_day = ?");
  digest.bind(when).bind(user).bind(day);
  digest.execute();
}

void release(SqlSession& sql, const std::string& user_id, const std::string& paris_day,
             const std::string& error) {
  std::string user = user_id, day = paris_day, message = error.substr(0, 500);
  auto notifications = sql.query(
      "UPDATE notifications SET email_state = 'digest', email_digest_day = NULL, email_error = ?, "
      "email_attempts = email_attempts + 1 WHERE user_id = ? AND email_digest_day = ? AND "
      "email_state = 'digest_sending'");
  notifications.bind(message).bind(user).bind(day);
  notifications.execute();
  auto digest = sql.query("DELETE FROM email_digests WHERE user_id = ? AND paris_day = ?");
  digest.bind(user).bind(day);
  digest.execute();
}

}  // namespace cqpm::store::email_digest_store
