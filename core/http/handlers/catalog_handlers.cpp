#include "http/handlers/catalog_handlers.h"

#include <Poco/JSON/Array.h>

#include "http/presenters.h"
#include "store/account_store.h"

namespace cqpm::http::handlers {

Response workflowDefinition(ApiContext& context, Request& request) {
  const auto& definition = context.engine.definition();
  if (request.params.at("id") != definition.id()) {
    throw Error(ErrorCode::kNotFound, "no workflow " + request.params.at("id"));
  }
  return Response::json(200, definition.toJson());
}

Response listOrganisations(ApiContext& context, Request& request) {
  std::optional<domain::OrganisationKind> kind;
  if (const std::string text = request.queryValue("kind"); !text.empty()) {
    kind = domain::parseOrganisationKind(text);
    if (!kind)
      throw Error(ErrorCode::kInvalidField, "kind must be one of centre, company, gtp, platform", "kind");
  }
  // Centres pick companies when they open files; other roles see only their own organisation.
  const domain::Actor& actor = request.requireActor();
  const bool sees_all = actor.role == domain::Role::kCentreCoordinator || actor.role == domain::Role::kAdmin;
  auto organisations = context.db.read(
      [&](store::SqlSession& sql) { return store::account_store::listOrganisations(sql, kind); });
  if (!sees_all) std::erase_if(organisations, [&](const auto& o) { return o.id != actor.organisation_id; });
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& organisation : organisations) items->add(organisationJson(organisation));
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("items", items);
  return Response::json(200, body);
}

}  // namespace cqpm::http::handlers
