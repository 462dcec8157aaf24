#include "http/handlers/evaluation_handlers.h"

#include <Poco/JSON/Array.h>

#include <functional>
#include <optional>

#include "http/evaluation_presenters.h"
#include "http/if_match_header.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

namespace {

// One competency with its ETag for the next write; a stale If-Match is
// answered 412 with the current content as details.current.
Response competencyResponse(const std::function<evaluation::CompetencyAnswer()>& write) {
  evaluation::CompetencyAnswer answer;
  try {
    answer = write();
  } catch (const evaluation::StaleCompetency& stale) {
    throw Error(stale.code(), stale.what(), stale.field(), staleCompetencyDetails(stale));
  }
  Response response = Response::json(answer.created ? 201 : 200, competencyJson(answer.competency));
  response.headers.emplace_back("ETag", answer.competency.etag);
  return response;
}

}  // namespace

Response getCommission(ApiContext& context, Request& request) {
  return Response::json(
      200, commissionJson(context.commissions.get(request.requireActor(), request.params.at("id"))));
}

Response putCommission(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"evaluators", "only_if_empty"});
  if (!body.has("evaluators")) {
    throw Error(ErrorCode::kInvalidField, "evaluators is required: a list of user ids", "evaluators");
  }
  const auto mode = body.optionalBool("only_if_empty").value_or(false)
                        ? evaluation::CommissionChange::kFormOnly
                        : evaluation::CommissionChange::kReplace;
  return Response::json(
      200, commissionJson(context.commissions.assign(request.requireActor(), request.params.at("id"),
                                                     body.freeArray("evaluators", 100), mode)));
}

Response getEvaluation(ApiContext& context, Request& request) {
  return Response::json(200,
                        gridJson(context.evaluations.grid(request.requireActor(), request.params.at("id"))));
}

Response putCompetencyEvaluation(ApiContext& context, Request& request) {
  // The service reads each member against the competency's grid (evaluation/competency_content.h).
  const JsonFields body(parseJsonObject(request.body), {"result", "observations", "evidence"});
  return competencyResponse([&] {
    return context.evaluations.update(request.requireActor(), request.params.at("id"),
                                      request.params.at("competency"), ifMatchOf(request), body.raw());
  });
}

Response signCompetencyEvaluation(ApiContext& context, Request& request) {
  return competencyResponse([&] {
    return context.evaluations.sign(request.requireActor(), request.params.at("id"),
                                    request.params.at("competency"), ifMatchOf(request));
  });
}

}  // namespace cqpm::http::handlers
