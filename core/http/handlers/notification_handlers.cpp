#include "http/handlers/notification_handlers.h"

#include <Poco/NumberParser.h>

#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/notification_presenters.h"

namespace cqpm::http::handlers {

Response listNotifications(ApiContext& context, Request& request) {
  int limit = 50;
  if (const std::string text = request.queryValue("limit");
      !text.empty() && !Poco::NumberParser::tryParse(text, limit)) {
    throw Error(ErrorCode::kInvalidField, "limit must be an integer", "limit");
  }
  return Response::json(200, notificationListJson(context.notifications.list(request.requireActor(), limit)));
}

Response readNotification(ApiContext& context, Request& request) {
  context.notifications.markRead(request.requireActor(), request.params.at("id"));
  return Response::noContent();
}

Response readAllNotifications(ApiContext& context, Request& request) {
  return Response::json(200, markedJson(context.notifications.markAllRead(request.requireActor())));
}

Response myNotificationSettings(ApiContext& context, Request& request) {
  return Response::json(
      200, notificationSettingsJson(context.notifications.emailFrequency(request.requireActor())));
}

Response setMyNotificationSettings(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"email"});
  const std::string email = body.text("email", limits::kChoice);
  return Response::json(
      200, notificationSettingsJson(context.notifications.setEmailFrequency(request.requireActor(), email)));
}

}  // namespace cqpm::http::handlers
