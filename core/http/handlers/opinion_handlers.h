#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/company-opinion -> 200 the opinion (ETag of its current version).
Response getCompanyOpinion(ApiContext& context, Request& request);
/// PUT /api/v1/files/{id}/company-opinion (If-Match) -> 200 the opinion with its saved draft.
Response putCompanyOpinion(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/company-opinion/signature (If-Match) -> 200 the opinion, signed.
Response signCompanyOpinion(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
