#include "http/handlers/password_handlers.h"

#include "http/input_limits.h"
#include "http/json_body.h"

namespace cqpm::http::handlers {

namespace {

using admin::LinkPurpose;

std::string passwordField(const JsonFields& body, const std::string& name) {
  return body.text(name, limits::kPassword);
}

Response inspect(ApiContext& context, Request& request, LinkPurpose purpose) {
  const auto holder = context.account_links.inspect(purpose, request.params.at("token"));
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("login", holder.login);
  body->set("display_name", holder.display_name);
  body->set("expires_at", holder.expires_at);
  Response response = Response::json(200, body);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response redeem(ApiContext& context, Request& request, LinkPurpose purpose) {
  const JsonFields body(parseJsonObject(request.body), {"password"});
  const std::string login =
      context.account_links.redeem(purpose, request.params.at("token"), passwordField(body, "password"));
  Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
  answer->set("login", login);
  return Response::json(200, answer);
}

}  // namespace

Response inspectInvitation(ApiContext& context, Request& request) {
  return inspect(context, request, LinkPurpose::kInvitation);
}

Response acceptInvitation(ApiContext& context, Request& request) {
  return redeem(context, request, LinkPurpose::kInvitation);
}

Response inspectPasswordReset(ApiContext& context, Request& request) {
  return inspect(context, request, LinkPurpose::kPasswordReset);
}

Response resetPassword(ApiContext& context, Request& request) {
  return redeem(context, request, LinkPurpose::kPasswordReset);
}

Response requestPasswordReset(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"login_or_email"});
  const std::string who = body.text("login_or_email", limits::kEmail);
  context.account_links.requestReset(who, request.client_address);
  return Response::json(202, Poco::JSON::Object::Ptr(new Poco::JSON::Object));
}

Response acceptFileLink(ApiContext& context, Request& request) {
  Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
  answer->set("file_id",
              context.account_links.acceptFileLink(request.requireActor(), request.params.at("token")));
  return Response::json(200, answer);
}

Response changeOwnPassword(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"current_password", "new_password"});
  context.account_links.changePassword(request.requireActor(), passwordField(body, "current_password"),
                                       passwordField(body, "new_password"), request.session_token);
  return Response::noContent();
}

}  // namespace cqpm::http::handlers
