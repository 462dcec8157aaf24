#include "http/handlers/deadline_handlers.h"

#include "http/deadline_presenters.h"
#include "http/input_limits.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

Response listDeadlines(ApiContext& context, Request& request) {
  return Response::json(
      200, deadlineListJson(context.deadlines.list(request.requireActor(), request.params.at("id"))));
}

Response setReportDeadline(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"due"});
  return Response::json(
      200, deadlineJson(context.deadlines.setReportDeadline(request.requireActor(), request.params.at("id"),
                                                            body.text("due", limits::kDateOrTime))));
}

Response extendReportDeadline(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"until", "reason"});
  const std::string until = body.text("until", limits::kDateOrTime);
  const std::string reason = body.optionalText("reason", limits::kReason, true).value_or("");
  return Response::json(201, deadlineJson(context.deadlines.extendReportDeadline(
                                 request.requireActor(), request.params.at("id"), until, reason)));
}

}  // namespace cqpm::http::handlers
