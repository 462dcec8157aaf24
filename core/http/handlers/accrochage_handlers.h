#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /holders/accrochage?from=&to=: the certifications of the period and what each still lacks.
Response holderReport(ApiContext& context, Request& request);
/// GET /holders/accrochage.xml?from=&to=: the Caisse des Dépôts' flux of the reportable ones (logged).
Response holderFlux(ApiContext& context, Request& request);
/// GET /holders/accrochage.csv?from=&to=: every certification of the period, for French Excel (logged).
Response holderCsv(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
