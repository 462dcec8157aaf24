#pragma once

#include <Poco/Timestamp.h>

#include <string>

#include "notifications/smtp_mailer.h"
#include "store/database.h"

namespace cqpm::notifications {

/// Sends the daily digests of users who want their e-mails once a day: during
/// each Paris calendar day, one e-mail per such user grouping their
/// notifications created before that day began (Europe/Paris) and not e-mailed
/// yet. A digest is claimed by a row (user, day) inserted in the transaction
/// that gathers its notifications, so two instances or a restart never send a
/// day's digest twice; a digest the SMTP server refused is released and tried
/// again at the next run. A crash during the SMTP exchange leaves it claimed:
/// not resent (the server may have accepted it). Run by the scheduler.
class EmailDigests {
 public:
  /// Borrows `db` and `mailer`, which must outlive it; `public_url` as
  /// EmailDispatcher's; each day's digests go out from `send_hour`:00 in Paris
  /// (0-23), so that they arrive when people start work.
  EmailDigests(store::Database& db, const SmtpMailer& mailer, std::string public_url, int send_hour)
      : db_(db), mailer_(mailer), public_url_(std::move(public_url)), send_hour_(send_hour) {}

  /// Sends the digests due at `now` (none before the day's send hour); returns
  /// how many the SMTP server accepted.
  int runOnce(const Poco::Timestamp& now);

 private:
  store::Database& db_;
  const SmtpMailer& mailer_;
  std::string public_url_;
  int send_hour_;
};

}  // namespace cqpm::notifications
