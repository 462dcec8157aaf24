#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/deadlines -> {"items": [deadline with its extensions]}
Response listDeadlines(ApiContext& context, Request& request);
/// PUT /api/v1/files/{id}/deadlines/report {"due": "YYYY-MM-DD"} -> 200 the deadline
Response setReportDeadline(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/deadlines/report/extensions {"until", "reason"} -> 201 the deadline
Response extendReportDeadline(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
