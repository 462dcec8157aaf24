#include "http/handlers/deadline_handlers.h"

#include "http/json_body.h"

namespace cqpm::http::handlers {

Response listDeadlines(ApiContext& context, Request& request) {
  return Response::json(200, context.deadlines.list(request.requireActor(), request.params.at("id")));
}

Response setReportDeadline(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  return Response::json(200,
                        context.deadlines.setReportDeadline(request.requireActor(), request.params.at("id"),
                                                            body.requiredString("due")));
}

Response extendReportDeadline(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  const std::string until = body.requiredString("until");
  const std::string reason = body.optionalString("reason").value_or("");
  return Response::json(201, context.deadlines.extendReportDeadline(request.requireActor(),
                                                                    request.params.at("id"), until, reason));
}

}  // namespace cqpm::http::handlers
