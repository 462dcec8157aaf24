#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/notifications[?limit=n] -> the actor's own, newest first, with the unread count
Response listNotifications(ApiContext& context, Request& request);
/// POST /api/v1/notifications/{id}/read -> 204; 404 for anyone else's
Response readNotification(ApiContext& context, Request& request);
/// POST /api/v1/notifications/read-all -> {"marked": n}
Response readAllNotifications(ApiContext& context, Request& request);
/// GET /api/v1/me/notification-settings -> {"email": "immediate" | "daily" | "none"}
Response myNotificationSettings(ApiContext& context, Request& request);
/// PUT /api/v1/me/notification-settings {"email"} -> the settings as recorded; 422 "email" for another word
Response setMyNotificationSettings(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
