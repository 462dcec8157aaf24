#include "http/handlers/opinion_handlers.h"

#include "http/if_match_header.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

namespace {

// The opinion with the ETag of its current version, for the next If-Match.
Response opinionResponse(const Poco::JSON::Object::Ptr& opinion) {
  Response response = Response::json(200, opinion);
  if (const auto current = opinion->getObject("current")) {
    response.headers.emplace_back("ETag", current->getValue<std::string>("etag"));
  }
  return response;
}

}  // namespace

Response getCompanyOpinion(ApiContext& context, Request& request) {
  return opinionResponse(context.opinions.get(request.requireActor(), request.params.at("id")));
}

Response putCompanyOpinion(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string file_id = request.params.at("id");
  // The service reads each answer against the referential (opinion/opinion_content.h).
  const JsonFields body(parseJsonObject(request.body), {"activities", "competencies", "text"});
  return opinionResponse(context.opinions.save(actor, file_id, ifMatchOf(request), body.raw()));
}

Response signCompanyOpinion(ApiContext& context, Request& request) {
  return opinionResponse(
      context.opinions.sign(request.requireActor(), request.params.at("id"), ifMatchOf(request)));
}

}  // namespace cqpm::http::handlers
