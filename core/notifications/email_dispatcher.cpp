#include "notifications/email_dispatcher.h"

#include <Poco/Logger.h>
#include <Poco/Timespan.h>

#include <algorithm>

#include "common/clock.h"
#include "notifications/email_templates.h"
#include "store/notification_store.h"

namespace cqpm::notifications {

namespace {

constexpr long kLeaseMinutes = 10;

constexpr int kEmailBatch = 50;

Poco::Timespan retryDelay(std::int64_t attempts) {
  const std::int64_t minutes =
      std::min<std::int64_t>(60, std::int64_t{1} << std::min<std::int64_t>(attempts, 6));
  return Poco::Timespan(static_cast<long>(minutes * 60), 0);
}

}  // namespace

int EmailDispatcher::runOnce(const Poco::Timestamp& now) {
  const auto pending = db_.read([&](store::SqlSession& sql) {
    return store::notification_store::pendingEmails(sql, toIso8601(now), kEmailBatch);
  });
  int sent = 0;
  for (const auto& email : pending) {
    const bool claimed = db_.write([&](store::SqlSession& sql) {
      // The lease outlasts any SMTP exchange (its timeouts are seconds): two
      // instances never send the same e-mail at once, and a crashed one's is retried.
      return store::notification_store::claimEmail(sql, email.notification_id, toIso8601(now),
                                                   toIso8601(now + Poco::Timespan(kLeaseMinutes * 60, 0)));
    });
    if (!claimed) continue;
    try {
      const EmailText text = notificationEmail(email, public_url_);
      mailer_.send(email.email, email.display_name, text.subject, text.body);
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("mail").warning("e-mail to %s not sent (will retry): %s", email.email,
                                        e.displayText());
      const std::string retry_at = toIso8601(now + retryDelay(email.attempts));
      db_.write([&](store::SqlSession& sql) {
        store::notification_store::markEmailFailed(sql, email.notification_id, e.displayText(), retry_at);
      });
      continue;
    }
    db_.write([&](store::SqlSession& sql) {
      store::notification_store::markEmailSent(sql, email.notification_id, toIso8601(now));
    });
    ++sent;
  }
  return sent;
}

}  // namespace cqpm::notifications
