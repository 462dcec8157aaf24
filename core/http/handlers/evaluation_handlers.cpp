#include "http/handlers/evaluation_handlers.h"

#include <Poco/JSON/Array.h>

#include <optional>

#include "http/if_match_header.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

namespace {

Response competencyResponse(int status, const evaluation::CompetencyAnswer& answer) {
  Response response = Response::json(status, answer.competency);
  response.headers.emplace_back("ETag", answer.etag);
  return response;
}

}  // namespace

Response getCommission(ApiContext& context, Request& request) {
  return Response::json(200, context.commissions.get(request.requireActor(), request.params.at("id")));
}

Response putCommission(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"evaluators"});
  if (!body.has("evaluators")) {
    throw Error(ErrorCode::kInvalidField, "evaluators is required: a list of user ids", "evaluators");
  }
  return Response::json(200, context.commissions.assign(request.requireActor(), request.params.at("id"),
                                                        body.freeArray("evaluators", 100)));
}

Response getEvaluation(ApiContext& context, Request& request) {
  return Response::json(200, context.evaluations.grid(request.requireActor(), request.params.at("id")));
}

Response putCompetencyEvaluation(ApiContext& context, Request& request) {
  // The service reads each member against the competency's grid (evaluation/competency_content.h).
  const JsonFields body(parseJsonObject(request.body), {"result", "observations", "evidence"});
  return competencyResponse(
      200, context.evaluations.update(request.requireActor(), request.params.at("id"),
                                      request.params.at("competency"), ifMatchOf(request), body.raw()));
}

Response signCompetencyEvaluation(ApiContext& context, Request& request) {
  const auto answer = context.evaluations.sign(request.requireActor(), request.params.at("id"),
                                               request.params.at("competency"), ifMatchOf(request));
  return competencyResponse(answer.created ? 201 : 200, answer);
}

}  // namespace cqpm::http::handlers
