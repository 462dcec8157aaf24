#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/organisations?kind=&active=true|false|all&q=&limit=&cursor=
Response listOrganisations(ApiContext& context, Request& request);
/// GET /api/v1/organisations/{id}
Response getOrganisation(ApiContext& context, Request& request);
/// POST /api/v1/organisations
Response createOrganisation(ApiContext& context, Request& request);
/// PATCH /api/v1/organisations/{id} (also deactivation: {"active": false})
Response updateOrganisation(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
