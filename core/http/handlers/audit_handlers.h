#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/audit -> the file's chain of events with its verification
Response fileAudit(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
