#include "http/handlers/auth_handlers.h"

#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/presenters.h"

namespace cqpm::http::handlers {

std::string sessionCookie(const ApiContext& context, const std::string& value, int max_age_seconds) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
  if (context.settings.secure_cookies) cookie += "; Secure";
  return cookie;
}

Response login(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"login", "password"});
  const std::string login = body.text("login", limits::kLogin);
  const std::string password = body.text("password", limits::kPassword);
  const auto session = context.auth.login(login, password, request.client_address);

  Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
  answer->set("token", session.token);
  answer->set("expires_at", session.expires_at);
  answer->set("user", userJson(session.actor));
  Response response = Response::json(200, answer);
  response.headers.emplace_back(
      "Set-Cookie", sessionCookie(context, session.token, context.settings.session_ttl_hours * 3600));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response logout(ApiContext& context, Request& request) {
  const auto provider_organisation = context.auth.logout(request.session_token);
  context.streams.closeSession(request.session_token);  // its open live streams end at once
  // A session the organisation's identity provider opened: the browser goes on to end the
  // provider's session too (after the local logout, which stands whatever the provider does).
  const auto provider_logout =
      provider_organisation ? context.single_sign_on.providerLogoutUrl(*provider_organisation) : std::nullopt;
  Response response = Response::noContent();
  if (provider_logout) {
    Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
    answer->set("provider_logout_url", *provider_logout);
    response = Response::json(200, answer);
    response.headers.emplace_back("Cache-Control", "no-store");
  }
  response.headers.emplace_back("Set-Cookie", sessionCookie(context, "", 0));
  return response;
}

Response me(ApiContext&, Request& request) { return Response::json(200, userJson(request.requireActor())); }

}  // namespace cqpm::http::handlers
