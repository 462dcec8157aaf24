#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/workflows/{id}: the definition, so pages can draw it.
Response workflowDefinition(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
