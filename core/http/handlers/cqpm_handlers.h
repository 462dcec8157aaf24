#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/cqpms: every CQPM carried by a plugin, with its counts.
Response listCqpms(ApiContext& context, Request& request);
/// GET /api/v1/cqpms/{id}: the whole referential, and the registration fields.
Response getCqpm(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/modalities
Response getModalityPlan(ApiContext& context, Request& request);
/// PUT /api/v1/files/{id}/modalities {expected_version, competencies: [...]}
Response putModalityPlan(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
