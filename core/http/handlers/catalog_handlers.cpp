#include "http/handlers/catalog_handlers.h"

#include "http/presenters.h"

namespace cqpm::http::handlers {

Response workflowDefinition(ApiContext& context, Request& request) {
  const auto& definition = context.engine.definition();
  if (request.params.at("id") != definition.id()) {
    throw Error(ErrorCode::kNotFound, "no workflow " + request.params.at("id"));
  }
  return Response::json(200, definition.toJson());
}

}  // namespace cqpm::http::handlers
