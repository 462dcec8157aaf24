#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /healthz: the process answers.
Response healthz(ApiContext& context, Request& request);
/// GET /readyz: the database answers and the workflow is loaded; 503 otherwise.
Response readyz(ApiContext& context, Request& request);
/// GET /metrics: Prometheus text.
Response metrics(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
