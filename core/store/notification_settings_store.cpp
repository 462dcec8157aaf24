#include "store/notification_settings_store.h"

#include "store/row_reader.h"

namespace cqpm::store::notification_settings_store {

std::optional<std::string> emailFrequency(SqlSession& sql, const std::string& user_id) {
  std::string user = user_id;
  auto stmt = sql.query("SELECT email FROM notification_settings WHERE user_id = ?");
  stmt.bind(user);
  std::optional<std::string> frequency;
  forEachRow(stmt, [&](const RowReader& row) { frequency = row.text("email"); });
  return frequency;
}

void setEmailFrequency(SqlSession& sql, const std::string& user_id, const std::string& frequency,
                       const std::string& at) {
  std::string user = user_id, value = frequency, when = at;
  auto stmt = sql.query(
      "INSERT INTO notification_settings (user_id, email, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) "
      "DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at");
  stmt.bind(user).bind(value).bind(when);
  stmt.execute();
}

std::int64_t redirectWaitingEmails(SqlSession& sql, const std::string& user_id,
                                   const std::string& email_state) {
  std::string user = user_id, state = email_state;
  // 'sending' is left alone: another sender holds it and will say sent or failed.
  auto stmt = sql.query(
      "UPDATE notifications SET email_state = ? WHERE user_id = ? AND email_state IN ('pending', 'digest') "
      "AND kind <> 'account_link'");
  stmt.bind(state).bind(user);
  return static_cast<std::int64_t>(stmt.execute());
}

}  // namespace cqpm::store::notification_settings_store
