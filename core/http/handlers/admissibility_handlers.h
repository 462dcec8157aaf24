#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/admissibility
Response getVaeAdmissibility(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/admissibility {favourable, reason}
Response decideVaeAdmissibility(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
