#include "http/handlers/comment_handlers.h"

#include "http/comment_presenters.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

Response listComments(ApiContext& context, Request& request) {
  std::optional<std::string> competency;
  if (const std::string filter = request.queryValue("competency"); !filter.empty()) competency = filter;
  return Response::json(200, commentListJson(context.comments.list(request.requireActor(),
                                                                   request.params.at("id"), competency)));
}

Response addComment(ApiContext& context, Request& request) {
  // The service reads the body's text and competency (CommentService::add).
  const JsonFields body(parseJsonObject(request.body), {"body", "competency"});
  const auto comment = context.comments.add(request.requireActor(), request.params.at("id"), body.raw());
  Response response = Response::json(201, commentJson(comment));
  response.headers.emplace_back("Location", "/api/v1/files/" + request.params.at("id") + "/comments");
  return response;
}

}  // namespace cqpm::http::handlers
