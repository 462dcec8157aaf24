#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/statistics[?from=YYYY-MM-DD&to=YYYY-MM-DD&centre=id] -> every series
Response statistics(ApiContext& context, Request& request);

/// GET /api/v1/statistics/{series}.csv[?from&to&centre] -> one series as French Excel CSV
Response statisticsCsv(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
