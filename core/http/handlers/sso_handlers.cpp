#include "http/handlers/sso_handlers.h"

#include <Poco/JSON/Array.h>

#include "common/error.h"
#include "http/handlers/auth_handlers.h"
#include "http/input_limits.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

namespace {

constexpr TextLimit kIssuerUrl{200};
constexpr TextLimit kClientSecret{500};

Response redirectTo(const std::string& location) {
  Response response = Response::noContent();
  response.status = 302;
  response.headers.emplace_back("Location", location);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Poco::JSON::Object::Ptr providerJson(const sso::ProviderView& provider) {
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
  object->set("organisation_id", provider.organisation_id);
  object->set("organisation_name", provider.organisation_name);
  object->set("issuer", provider.issuer);
  object->set("client_id", provider.client_id);
  object->set("updated_at", provider.updated_at);
  return object;
}

}  // namespace

Response ssoChoices(ApiContext& context, Request&) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& choice : context.single_sign_on.loginChoices()) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("organisation_id", choice.organisation_id);
    item->set("organisation_name", choice.organisation_name);
    items->add(item);
  }
  Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
  answer->set("items", items);
  return Response::json(200, answer);
}

Response startSso(ApiContext& context, Request& request) {
  return redirectTo(context.single_sign_on.start(request.params.at("organisation_id")));
}

Response finishSso(ApiContext& context, Request& request) {
  // The browser comes back from the provider: every refusal is a page to go
  // back to, saying what failed, never an error document.
  if (!request.queryValue("error").empty()) return redirectTo("/connexion?sso=refused");
  try {
    const auto session =
        context.single_sign_on.finish(request.queryValue("state"), request.queryValue("code"));
    Response response = redirectTo("/");
    response.headers.emplace_back(
        "Set-Cookie", sessionCookie(context, session.token, context.settings.session_ttl_hours * 3600));
    return response;
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kUnauthenticated)
      return redirectTo("/connexion?sso=" + (error.field().empty() ? std::string("refused") : error.field()));
    if (error.code() == ErrorCode::kUnavailable || error.code() == ErrorCode::kInvalidField)
      return redirectTo("/connexion?sso=unavailable");
    throw;
  }
}

Response getSsoProvider(ApiContext& context, Request& request) {
  return Response::json(
      200, providerJson(context.single_sign_on.provider(request.requireActor(), request.params.at("id"))));
}

Response putSsoProvider(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"issuer", "client_id", "client_secret"});
  sso::ProviderSettings settings{body.text("issuer", kIssuerUrl), body.text("client_id", limits::kLogin),
                                 body.text("client_secret", kClientSecret)};
  return Response::json(200, providerJson(context.single_sign_on.configure(
                                 request.requireActor(), request.params.at("id"), settings)));
}

Response deleteSsoProvider(ApiContext& context, Request& request) {
  context.single_sign_on.remove(request.requireActor(), request.params.at("id"));
  return Response::noContent();
}

}  // namespace cqpm::http::handlers
