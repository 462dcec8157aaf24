#include "notifications/notification_service.h"

#include <Poco/UUIDGenerator.h>

#include "common/clock.h"
#include "common/error.h"
#include "store/notification_store.h"

namespace cqpm::notifications {

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
    record.email_state = email_enabled_ ? "pending" : "none";
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

}  // namespace cqpm::notifications
