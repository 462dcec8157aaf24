#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/row_reader.h"

namespace cqpm::store {

/// One in-app notification of one user.
struct NotificationRecord {
  std::string id;
  std::string user_id;
  std::string kind;  ///< deadline_near, deadline_overdue, ready_for_jury, decision
  std::optional<std::string> file_id;
  std::string source_key;  ///< what caused it; unique per user
  std::string title;       ///< French, shown to the person
  std::string body;        ///< French
  std::string created_at;
  std::optional<std::string> read_at;
  std::string email_state;          ///< none, pending, digest, digest_sending, sending, sent
  std::optional<std::string> link;  ///< the page it is about, relative to the public URL
};

/// A notification waiting to go out by e-mail, with its recipient's address.
struct PendingEmail {
  std::string notification_id;
  std::string email;
  std::string display_name;
  std::string title;
  std::string body;
  std::int64_t attempts = 0;
  std::string kind;  ///< "account_link": a one-time link, sent without the notifications footer
  std::optional<std::string> file_id;
  std::optional<std::string> link;
};

/// A state change of a file read from the event log, with what the notifier
/// needs to address its notifications.
struct StateChange {
  std::string file_id;
  std::int64_t seq = 0;
  std::string to_state;
  std::string at;
  std::string centre_id;
  std::optional<std::string> company_id;
  std::optional<std::string> candidate_user_id;
  std::string candidate_name;
  std::string cqpm;
};

/// Notifications, their e-mail delivery and the notifier's cursor.
namespace notification_store {

/// Notifications of kind "account_link" carry a one-time link to be e-mailed:
/// they are not listed in-app, and their body is erased once sent.

/// Inserts unless the user already has a notification from the same source;
/// returns true if it inserted.
bool insert(SqlSession& sql, const NotificationRecord& notification);
/// The user's notifications, newest first, at most `limit`.
std::vector<NotificationRecord> listForUser(SqlSession& sql, const std::string& user_id, int limit);
std::int64_t unreadCount(SqlSession& sql, const std::string& user_id);
/// Marks one of the user's notifications read (kept read if it was); false if
/// the user has no such notification.
bool markRead(SqlSession& sql, const std::string& id, const std::string& user_id, const std::string& at);
/// Marks every unread notification of the user read; returns how many.
std::int64_t markAllRead(SqlSession& sql, const std::string& user_id, const std::string& at);

/// E-mails not sent yet (pending or being sent), and of those how many failed at least once.
struct EmailBacklog {
  std::int64_t due = 0;
  std::int64_t retrying = 0;
};
EmailBacklog emailBacklog(SqlSession& sql);

/// Notifications whose e-mail is due at `now` (pending, or claimed by a sender
/// whose lease has run out), oldest first.
std::vector<PendingEmail> pendingEmails(SqlSession& sql, const std::string& now, int limit);
/// -> sending until `lease_until`: claims a due e-mail (pending, or sending
/// with an expired lease); false if another sender holds it.
bool claimEmail(SqlSession& sql, const std::string& id, const std::string& now,
                const std::string& lease_until);
void markEmailSent(SqlSession& sql, const std::string& id, const std::string& at);
/// sending -> pending again, to retry at `retry_at`.
void markEmailFailed(SqlSession& sql, const std::string& id, const std::string& error,
                     const std::string& retry_at);

/// A PendingEmail from a row holding n.id, n.kind, n.title, n.body, n.email_attempts,
/// n.file_id, n.link and the user's email and display_name.
PendingEmail readPendingEmail(const RowReader& row);

/// State changes into one of `states` recorded at or after `since`, by time.
std::vector<StateChange> stateChangesSince(SqlSession& sql, const std::string& since,
                                           const std::vector<std::string>& states, int limit);
std::string readCursor(SqlSession& sql, const std::string& name);
void writeCursor(SqlSession& sql, const std::string& name, const std::string& at);

}  // namespace notification_store
}  // namespace cqpm::store
