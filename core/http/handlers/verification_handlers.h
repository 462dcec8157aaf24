#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/verify/{code} (public): what the code certifies, and nothing else.
Response verifyAward(ApiContext& context, Request& request);
/// GET /verify/{code} (public): the same JSON for a client that asks for JSON,
/// otherwise the web app's page (which calls the API).
Response verifyAwardPage(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
