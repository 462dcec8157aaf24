#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// The name of the session cookie.
inline constexpr const char* kSessionCookie = "cqpm_session";

/// The Set-Cookie value of the session cookie holding `value` for `max_age_seconds` (0 clears it).
std::string sessionCookie(const ApiContext& context, const std::string& value, int max_age_seconds);

/// POST /api/v1/auth/login {login, password} -> {token, expires_at, user} and the session cookie.
Response login(ApiContext& context, Request& request);
/// POST /api/v1/auth/logout: revokes the session, clears the cookie.
Response logout(ApiContext& context, Request& request);
/// GET /api/v1/me
Response me(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
