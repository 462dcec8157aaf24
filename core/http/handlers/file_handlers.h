#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// POST /api/v1/files
Response createFile(ApiContext& context, Request& request);
/// GET /api/v1/files
Response listFiles(ApiContext& context, Request& request);
/// GET /api/v1/files.csv: the list's files (same filters, sort and scope) as a French Excel CSV attachment.
Response listFilesCsv(ApiContext& context, Request& request);
/// GET /api/v1/files/stats
Response fileStats(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}
Response getFile(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/corrections {expected_version, reason, candidate: {...}, registration?}
Response correctFile(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/transitions
Response fireTransition(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/events
Response fileEvents(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
