#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/auth/sso -> {items: [{organisation_id, organisation_name}]}: the login page's choices.
Response ssoChoices(ApiContext& context, Request& request);
/// GET /api/v1/auth/sso/{organisation_id}/start -> 302 to the organisation's identity provider.
Response startSso(ApiContext& context, Request& request);
/// GET /api/v1/auth/sso/callback?state&code -> the session cookie and 302 to "/"; a refused login
/// goes back to the login page with what failed:
/// /connexion?sso=state|code|id_token|email|unavailable|refused.
Response finishSso(ApiContext& context, Request& request);
/// GET, PUT {issuer, client_id, client_secret}, DELETE /api/v1/organisations/{id}/sso: platform
/// administrators.
Response getSsoProvider(ApiContext& context, Request& request);
Response putSsoProvider(ApiContext& context, Request& request);
Response deleteSsoProvider(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
