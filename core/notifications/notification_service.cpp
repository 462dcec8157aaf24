#include "notifications/notification_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/UUIDGenerator.h>

#include "common/clock.h"
#include "common/error.h"
#include "store/notification_store.h"

namespace cqpm::notifications {

using Poco::JSON::Array;
using Poco::JSON::Object;

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

Object::Ptr NotificationService::list(const domain::Actor& actor, int limit) {
  if (limit < 1 || limit > 200)
    throw Error(ErrorCode::kInvalidField, "limit must be between 1 and 200", "limit");
  return db_.read([&](store::SqlSession& sql) {
    Array::Ptr items = new Array;
    for (const auto& record : store::notification_store::listForUser(sql, actor.user_id, limit)) {
      Object::Ptr item = new Object;
      item->set("id", record.id);
      item->set("kind", record.kind);
      item->set("file_id", record.file_id ? Poco::Dynamic::Var(*record.file_id) : Poco::Dynamic::Var());
      item->set("title", record.title);
      item->set("body", record.body);
      item->set("created_at", record.created_at);
      item->set("read", record.read_at.has_value());
      item->set("read_at", record.read_at ? Poco::Dynamic::Var(*record.read_at) : Poco::Dynamic::Var());
      item->set("email", record.email_state);
      items->add(item);
    }
    Object::Ptr body = new Object;
    body->set("items", items);
    body->set("unread", store::notification_store::unreadCount(sql, actor.user_id));
    return body;
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
