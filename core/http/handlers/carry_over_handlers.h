#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/carry-over
Response getCarryOver(ApiContext& context, Request& request);
/// PUT /api/v1/files/{id}/carry-over {expected_version, blocs: [bloc indexes]}
Response putCarryOver(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
