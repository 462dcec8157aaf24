#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/commission
Response getCommission(ApiContext& context, Request& request);
/// PUT /api/v1/files/{id}/commission {"evaluators": [user ids]}
Response putCommission(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/evaluation: the grid, each competency with its ETag.
Response getEvaluation(ApiContext& context, Request& request);
/// PUT /api/v1/files/{id}/evaluation/{competency} with If-Match -> 200 the competency, ETag header.
Response putCompetencyEvaluation(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/evaluation/{competency}/signatures with If-Match -> 201 (200 if already signed).
Response signCompetencyEvaluation(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
