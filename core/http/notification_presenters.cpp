#include "http/notification_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr notificationListJson(const notifications::NotificationList& list) {
  Array::Ptr items = new Array;
  for (const auto& record : list.items) {
    Object::Ptr item = new Object;
    item->set("id", record.id);
    item->set("kind", record.kind);
    item->set("file_id", nullable(record.file_id));
    item->set("title", record.title);
    item->set("body", record.body);
    item->set("created_at", record.created_at);
    item->set("read", record.read_at.has_value());
    item->set("read_at", nullable(record.read_at));
    item->set("email", record.email_state);
    item->set("link", nullable(record.link));
    items->add(item);
  }
  Object::Ptr json = new Object;
  json->set("items", items);
  json->set("unread", list.unread);
  return json;
}

Object::Ptr markedJson(std::int64_t marked) {
  Object::Ptr json = new Object;
  json->set("marked", marked);
  return json;
}

Object::Ptr notificationSettingsJson(notifications::EmailFrequency email) {
  Object::Ptr json = new Object;
  json->set("email", std::string(notifications::emailFrequencyName(email)));
  return json;
}

}  // namespace cqpm::http
