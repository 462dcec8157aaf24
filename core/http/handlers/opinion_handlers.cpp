#include "http/handlers/opinion_handlers.h"

#include "http/if_match_header.h"
#include "http/json_body.h"
#include "http/opinion_presenters.h"

namespace cqpm::http::handlers {

namespace {

// The opinion with the ETag of its current version, for the next If-Match.
Response opinionResponse(const opinion::CompanyOpinionView& opinion) {
  Response response = Response::json(200, companyOpinionJson(opinion));
  if (opinion.current) response.headers.emplace_back("ETag", opinion.current->etag);
  return response;
}

// A write sent with a stale ETag answers 412 with the current opinion in
// details.current, so the writer can reapply its changes without reading again.
template <typename Write>
Response writeOpinion(Write&& write) {
  try {
    return opinionResponse(write());
  } catch (const opinion::StaleOpinion& stale) {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("current", companyOpinionJson(stale.current()));
    throw Error(stale.code(), stale.what(), stale.field(), details);
  }
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
  return writeOpinion([&] { return context.opinions.save(actor, file_id, ifMatchOf(request), body.raw()); });
}

Response signCompanyOpinion(ApiContext& context, Request& request) {
  return writeOpinion([&] {
    return context.opinions.sign(request.requireActor(), request.params.at("id"), ifMatchOf(request));
  });
}

}  // namespace cqpm::http::handlers
