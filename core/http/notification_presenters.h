#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>

#include "notifications/notification_records.h"

namespace cqpm::http {

/// JSON shapes of the notifications API (schemas/openapi.yaml).

/// {items: [{id, kind, file_id | null, title, body, created_at, read, read_at | null,
/// email}], unread}
Poco::JSON::Object::Ptr notificationListJson(const notifications::NotificationList& list);
/// {marked}: how many notifications "read all" marked.
Poco::JSON::Object::Ptr markedJson(std::int64_t marked);

}  // namespace cqpm::http
