#include "http/handlers/admissibility_handlers.h"

#include "http/admissibility_presenters.h"
#include "http/input_limits.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

Response getVaeAdmissibility(ApiContext& context, Request& request) {
  return Response::json(
      200, admissibilityJson(context.admissibility.get(request.requireActor(), request.params.at("id"))));
}

Response decideVaeAdmissibility(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const JsonFields body(parseJsonObject(request.body), {"favourable", "reason"});
  files::AdmissibilityDecision decision;
  decision.favourable = body.optionalBool("favourable");
  decision.reason = body.text("reason", limits::kReason);
  return Response::json(
      201, admissibilityJson(context.admissibility.decide(actor, request.params.at("id"), decision)));
}

}  // namespace cqpm::http::handlers
