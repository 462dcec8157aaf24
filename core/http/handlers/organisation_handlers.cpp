#include "http/handlers/organisation_handlers.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"
#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/presenters.h"
#include "http/query_params.h"

namespace cqpm::http::handlers {

namespace {

domain::OrganisationKind kindOf(const std::string& text, const std::string& field) {
  const auto kind = domain::parseOrganisationKind(text);
  if (!kind)
    throw Error(ErrorCode::kInvalidField, field + " must be one of centre, company, gtp, platform", field);
  return *kind;
}

admin::OrganisationFields organisationFieldsOf(const Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"kind", "name", "region", "departements", "siret",
                                                        "address", "centre_ids", "active"});
  admin::OrganisationFields fields;
  if (auto kind = body.optionalText("kind", limits::kEnum)) fields.kind = kindOf(*kind, "kind");
  fields.name = body.optionalText("name", limits::kOrganisationName);
  fields.region = body.optionalText("region", limits::kRegion, true);
  fields.departements = body.optionalTextArray("departements", limits::kDepartement, 200);
  fields.siret = body.optionalText("siret", limits::kSiret, true);
  if (body.has("address")) fields.address = body.optionalText("address", limits::kAddress, true).value_or("");
  fields.centre_ids = body.optionalTextArray("centre_ids", limits::kId, 200);
  fields.active = body.optionalBool("active");
  return fields;
}

}  // namespace

Response listOrganisations(ApiContext& context, Request& request) {
  store::OrganisationFilter filter;
  if (const std::string kind = request.queryValue("kind"); !kind.empty()) filter.kind = kindOf(kind, "kind");
  filter.active =
      request.queryValue("active").empty() ? std::optional<bool>(true) : queryBool(request, "active", "all");
  filter.text = request.queryValue("q");
  if (filter.text.size() > 200) throw Error(ErrorCode::kInvalidField, "q is longer than 200 bytes", "q");
  const auto page = context.organisations.list(request.requireActor(), filter, request.queryValue("cursor"),
                                               queryLimit(request, 50, 100));
  Poco::JSON::Array::Ptr items = arrayOf(page.items, organisationJson);
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("items", items);
  if (page.next_cursor) body->set("next_cursor", *page.next_cursor);
  return Response::json(200, body);
}

Response getOrganisation(ApiContext& context, Request& request) {
  return Response::json(
      200, organisationJson(context.organisations.get(request.requireActor(), request.params.at("id"))));
}

Response createOrganisation(ApiContext& context, Request& request) {
  const auto answer = context.organisations.create(request.requireActor(), organisationFieldsOf(request));
  // An existing company (same SIRET) that the coordinator's centre now works with is not new: 200.
  return Response::json(answer.created ? 201 : 200, organisationJson(answer.organisation));
}

Response updateOrganisation(ApiContext& context, Request& request) {
  return Response::json(
      200, organisationJson(context.organisations.update(request.requireActor(), request.params.at("id"),
                                                         organisationFieldsOf(request))));
}

}  // namespace cqpm::http::handlers
