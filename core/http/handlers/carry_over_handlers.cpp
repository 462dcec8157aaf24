#include "http/handlers/carry_over_handlers.h"

#include "http/carry_over_presenters.h"
#include "http/file_version_precondition.h"
#include "http/input_limits.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

Response getCarryOver(ApiContext& context, Request& request) {
  return Response::json(
      200, carryOverJson(context.carry_over.get(request.requireActor(), request.params.at("id"))));
}

Response putCarryOver(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const JsonFields body(parseJsonObject(request.body), {"expected_version", "blocs"});
  const FileVersionPrecondition precondition = fileVersionPrecondition(request, body);
  const auto blocs = body.optionalIntegerArray("blocs", limits::kBlocIndex, 50);
  if (!blocs)
    throw Error(ErrorCode::kInvalidField, "blocs is required (an empty list withdraws every carry-over)",
                "blocs");
  return underPrecondition(precondition, "file_version", [&] {
    return Response::json(
        200, carryOverJson(context.carry_over.confirm(actor, request.params.at("id"), precondition.version,
                                                      std::vector<int>(blocs->begin(), blocs->end()))));
  });
}

}  // namespace cqpm::http::handlers
