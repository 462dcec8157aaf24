#include "notifications/email_digests.h"

#include <Poco/Logger.h>

#include "common/clock.h"
#include "deadlines/paris_time.h"
#include "notifications/email_templates.h"
#include "store/email_digest_store.h"

namespace cqpm::notifications {

namespace {

constexpr int kDigestBatch = 200;

}  // namespace

int EmailDigests::runOnce(const Poco::Timestamp& now) {
  const std::string day = deadlines::parisDateOf(now);
  if (now < deadlines::parisHourOn(day, send_hour_)) return 0;
  // Today's digest holds what came before today began in Paris.
  const std::string day_start = toIso8601(deadlines::endOfParisDay(deadlines::addDays(day, -1)));
  const std::string at = toIso8601(now);
  const auto users = db_.read([&](store::SqlSession& sql) {
    return store::email_digest_store::usersWaiting(sql, day_start, kDigestBatch);
  });
  int sent = 0;
  for (const auto& user : users) {
    const auto items = db_.write([&](store::SqlSession& sql) {
      if (store::email_digest_store::claim(sql, user, day, day_start, at) == 0)
        return std::vector<store::PendingEmail>{};
      return store::email_digest_store::gathered(sql, user, day);
    });
    if (items.empty()) continue;
    const EmailText text = digestEmail(items.front().display_name, day, items, public_url_);
    try {
      mailer_.send(items.front().email, items.front().display_name, text.subject, text.body);
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("mail").warning("digest to %s not sent (will retry): %s", items.front().email,
                                        e.displayText());
      db_.write([&](store::SqlSession& sql) {
        store::email_digest_store::release(sql, user, day, e.displayText());
      });
      continue;
    }
    db_.write([&](store::SqlSession& sql) { store::email_digest_store::markSent(sql, user, day, at); });
    ++sent;
  }
  return sent;
}

}  // namespace cqpm::notifications
