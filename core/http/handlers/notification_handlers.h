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

}  // namespace cqpm::http::handlers
