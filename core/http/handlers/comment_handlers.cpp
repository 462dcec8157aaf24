#include "http/handlers/comment_handlers.h"

#include "http/json_body.h"

namespace cqpm::http::handlers {

Response listComments(ApiContext& context, Request& request) {
  std::optional<std::string> competency;
  if (const std::string filter = request.queryValue("competency"); !filter.empty()) competency = filter;
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("items", context.comments.list(request.requireActor(), request.params.at("id"), competency));
  return Response::json(200, body);
}

Response addComment(ApiContext& context, Request& request) {
  // The service reads the body's text and competency (CommentService::add).
  const JsonFields body(parseJsonObject(request.body), {"body", "competency"});
  const auto comment = context.comments.add(request.requireActor(), request.params.at("id"), body.raw());
  Response response = Response::json(201, comment);
  response.headers.emplace_back("Location", "/api/v1/files/" + request.params.at("id") + "/comments");
  return response;
}

}  // namespace cqpm::http::handlers
