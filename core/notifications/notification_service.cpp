#include "notifications/notification_service.h"

#include <Poco/UUIDGenerator.h>

#include "common/clock.h"
#include "common/error.h"
#include "store/notification_settings_store.h"
#include "store/notification_store.h"

namespace cqpm::notifications {

namespace {

EmailFrequency storedFrequency(store::SqlSession& sql, const std::string& user_id) {
  const auto stored = store::notification_settings_store::emailFrequency(sql, user_id);
  if (!stored) return EmailFrequency::kImmediate;
  return parseEmailFrequency(*stored).value_or(EmailFrequency::kImmediate);
}

}  // namespace

int NotificationService::notify(store::SqlSession& sql, const std::vector<std::string>& user_ids,
                                const NewNotification& notification, const std::string& now) const {
  int created = 0;
  for (const auto& user_id : user_ids) {
    store::NotificationRecord record;
    record.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    record.user_id = user_id;
    record.kind = notification.kind;
    record.file_id = notification.file_id;
    record.source_key = notification.source_key;
    record.title = notification.title;
    record.body = notification.body;
    record.created_at = now;
    record.link = notification.link;
    record.email_state =
        email_enabled_ ? std::string(initialEmailState(storedFrequency(sql, user_id))) : std::string("none");
    if (store::notification_store::insert(sql, record)) ++created;
  }
  return created;
}

NotificationList NotificationService::list(const domain::Actor& actor, int limit) {
  if (limit < 1 || limit > 200)
    throw Error(ErrorCode::kInvalidField, "limit must be between 1 and 200", "limit");
  return db_.read([&](store::SqlSession& sql) {
    return NotificationList{store::notification_store::listForUser(sql, actor.user_id, limit),
                            store::notification_store::unreadCount(sql, actor.user_id)};
  });
}

void NotificationService::markRead(const domain::Actor& actor, const std::string& id) {
  const std::string now = nowIso8601(clock_);
  const bool found = db_.write([&](store::SqlSession& sql) {
    return store::notification_store::markRead(sql, id, actor.user_id, now);
  });
  if (!found) throw Error(ErrorCode::kNotFound, "no notification " + id);
}

std::int64_t NotificationService::markAllRead(const domain::Actor& actor) {
  const std::string now = nowIso8601(clock_);
  return db_.write([&](store::SqlSession& sql) {
    return store::notification_store::markAllRead(sql, actor.user_id, now);
  });
}

EmailFrequency NotificationService::emailFrequency(const domain::Actor& actor) {
  return db_.read([&](store::SqlSession& sql) { return storedFrequency(sql, actor.user_id); });
}

EmailFrequency NotificationService::setEmailFrequency(const domain::Actor& actor,
                                                      const std::string& frequency) {
  const auto parsed = parseEmailFrequency(frequency);
  if (!parsed) throw Error(ErrorCode::kUnprocessable, "email must be one of immediate, daily, none", "email");
  const std::string now = nowIso8601(clock_);
  db_.write([&](store::SqlSession& sql) {
    store::notification_settings_store::setEmailFrequency(sql, actor.user_id,
                                                          std::string(emailFrequencyName(*parsed)), now);
    // Without SMTP nothing waits for an e-mail: the notifications stay in-app.
    if (email_enabled_)
      store::notification_settings_store::redirectWaitingEmails(sql, actor.user_id,
                                                                std::string(initialEmailState(*parsed)));
  });
  return *parsed;
}

}  // namespace cqpm::notifications
