#pragma once

#include <Poco/Timestamp.h>

#include <string>

#include "notifications/smtp_mailer.h"
#include "store/database.h"

namespace cqpm::notifications {

/// Sends the e-mails of notifications created while SMTP was configured, for
/// users who want them at once (the daily digests are EmailDigests').
/// Each is claimed (pending -> sending) in its own transaction before the SMTP
/// exchange and marked sent after it, so two instances never send the same
/// one; a refused or failed send goes back to pending and is retried later,
/// with a growing delay (1 min, 2, 4... at most 1 h). A crash in the middle of
/// one exchange leaves it "sending": it is not retried, because the server may
/// have accepted it (at most once, as promised). Run by the scheduler.
class EmailDispatcher {
 public:
  /// Borrows `db` and `mailer`, which must outlive it. `public_url` (cqpm.public_url)
  /// makes the links of the e-mails absolute (email_templates.h).
  EmailDispatcher(store::Database& db, const SmtpMailer& mailer, std::string public_url)
      : db_(db), mailer_(mailer), public_url_(std::move(public_url)) {}

  /// Sends what is due at `now`; returns how many e-mails were accepted.
  int runOnce(const Poco::Timestamp& now);

 private:
  store::Database& db_;
  const SmtpMailer& mailer_;
  std::string public_url_;
};

}  // namespace cqpm::notifications
