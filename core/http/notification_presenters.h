#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>

#include "notifications/email_frequency.h"
#include "notifications/notification_records.h"

namespace cqpm::http {

/// JSON shapes of the notifications API (schemas/openapi.yaml).

/// {items: [{id, kind, file_id | null, title, body, created_at, read, read_at | null,
/// email, link | null}], unread}
Poco::JSON::Object::Ptr notificationListJson(const notifications::NotificationList& list);
/// {marked}: how many notifications "read all" marked.
Poco::JSON::Object::Ptr markedJson(std::int64_t marked);
/// {email}: how the user receives the e-mails of their notifications.
Poco::JSON::Object::Ptr notificationSettingsJson(notifications::EmailFrequency email);

}  // namespace cqpm::http
