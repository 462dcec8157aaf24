#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "notifications/email_frequency.h"
#include "notifications/notification_records.h"
#include "store/database.h"

namespace cqpm::notifications {

/// What to tell, before it is addressed to each recipient.
struct NewNotification {
  std::string kind;  ///< deadline_near, deadline_overdue, ready_for_jury, decision
  std::optional<std::string> file_id;
  std::string source_key;  ///< what caused it; a user gets one notification per source
  std::string title;       ///< French: people read it
  std::string body;        ///< French
  /// The page it is about, relative to the public URL ("/jurys/<id>"); by
  /// default the file's page, or the notifications page without a file.
  std::optional<std::string> link = std::nullopt;
};

/// Per-user in-app notifications, each also e-mailed when the server has an
/// SMTP server, as each user chose: at once (EmailDispatcher), in a daily
/// digest (EmailDigests) or not at all. Thread-safe.
class NotificationService {
 public:
  /// `email_enabled`: notifications created from now on wait for an e-mail;
  /// otherwise they are in-app only.
  NotificationService(store::Database& db, Clock clock, bool email_enabled)
      : db_(db), clock_(std::move(clock)), email_enabled_(email_enabled) {}

  /// Creates `notification` for each of `user_ids` who does not have one from
  /// the same source yet, on the caller's transaction; returns how many it created.
  /// Its e-mail waits as each recipient chose (setEmailFrequency).
  int notify(store::SqlSession& sql, const std::vector<std::string>& user_ids,
             const NewNotification& notification, const std::string& now) const;

  /// The actor's own notifications, the `limit` newest (1 to 200, else
  /// Error{kInvalidField, "limit"}), and how many are unread.
  NotificationList list(const domain::Actor& actor, int limit);
  /// Marks one of the actor's notifications read; Error{kNotFound} for any
  /// other (someone else's is indistinguishable from a missing one).
  void markRead(const domain::Actor& actor, const std::string& id);
  /// Marks all the actor's notifications read; returns how many were unread.
  std::int64_t markAllRead(const domain::Actor& actor);

  /// How the actor wants their e-mails (kImmediate when never chosen).
  EmailFrequency emailFrequency(const domain::Actor& actor);
  /// Records the actor's choice, also for their notifications whose e-mail is
  /// still waiting. `frequency` is "immediate", "daily" or "none", else
  /// Error{kUnprocessable, "email"}. Returns the choice as recorded.
  EmailFrequency setEmailFrequency(const domain::Actor& actor, const std::string& frequency);

 private:
  store::Database& db_;
  Clock clock_;
  bool email_enabled_;
};

}  // namespace cqpm::notifications
