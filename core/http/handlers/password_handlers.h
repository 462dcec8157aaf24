#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/auth/invitations/{token}: who the link is for (public).
Response inspectInvitation(ApiContext& context, Request& request);
/// POST /api/v1/auth/invitations/{token} {"password"} (public).
Response acceptInvitation(ApiContext& context, Request& request);
/// POST /api/v1/auth/password-resets {"login_or_email"}: always 202 (public).
Response requestPasswordReset(ApiContext& context, Request& request);
/// GET /api/v1/auth/password-resets/{token} (public).
Response inspectPasswordReset(ApiContext& context, Request& request);
/// POST /api/v1/auth/password-resets/{token} {"password"} (public).
Response resetPassword(ApiContext& context, Request& request);
/// POST /api/v1/me/file-links/{token}: the signed-in candidate attaches a file another centre opened.
Response acceptFileLink(ApiContext& context, Request& request);
/// POST /api/v1/me/password {"current_password", "new_password"}.
Response changeOwnPassword(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
