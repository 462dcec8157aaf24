#include "http/handlers/cqpm_handlers.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"
#include "http/file_version_precondition.h"
#include "http/idempotency_header.h"
#include "http/json_body.h"
#include "http/modality_plan_presenters.h"

namespace cqpm::http::handlers {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// A CQPM as served: its referential is the version in force in the git store.
Object::Ptr summaryOf(ApiContext& context, const plugins::Plugin& plugin,
                      Object::Ptr* referential_out = nullptr) {
  const auto version = context.referentials.current(plugin.id);
  const auto model = context.referentials.modelAt(plugin.id, version.commit_id);
  Object::Ptr item = new Object;
  item->set("id", plugin.id);
  item->set("title", model->title);
  item->set("version", plugin.version);
  item->set("referential_version", version.number);
  item->set("referential_commit", version.commit_id);
  Array::Ptr codes = new Array;
  for (const auto& bloc : model->blocs) codes->add(nullable(bloc.code));
  item->set("blocs", static_cast<int>(model->blocs.size()));
  item->set("competencies", static_cast<int>(model->competencyCount()));
  item->set("bloc_codes", codes);
  // The document itself only where the API serves it whole.
  if (referential_out) *referential_out = context.referentials.referentialAt(plugin.id, version.commit_id);
  return item;
}

}  // namespace

Response listCqpms(ApiContext& context, Request&) {
  Array::Ptr items = new Array;
  for (const auto& plugin : context.rules.catalog().plugins()) items->add(summaryOf(context, plugin));
  Object::Ptr body = new Object;
  body->set("items", items);
  return Response::json(200, body);
}

Response getCqpm(ApiContext& context, Request& request) {
  const plugins::Plugin* plugin = context.rules.catalog().find(request.params.at("id"));
  if (!plugin) throw Error(ErrorCode::kNotFound, "no CQPM " + request.params.at("id"));
  Object::Ptr referential;
  Object::Ptr body = summaryOf(context, *plugin, &referential);
  body->set("referential", referential);
  body->set("registration_fields", context.rules.registrationFields(*plugin));
  return Response::json(200, body);
}

Response getModalityPlan(ApiContext& context, Request& request) {
  return Response::json(
      200, modalityPlanJson(context.modality_plans.get(request.requireActor(), request.params.at("id"))));
}

Response putModalityPlan(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"expected_version", "competencies"});
  const FileVersionPrecondition precondition = fileVersionPrecondition(request, body);
  // Each entry is checked by the service (ModalityPlanService::normalise), field by field.
  const auto competencies = body.freeArray("competencies", 500);
  if (!competencies) throw Error(ErrorCode::kInvalidField, "competencies must be a list", "competencies");
  return underPrecondition(precondition, "file_version", [&] {
    return Response::json(200, modalityPlanJson(context.modality_plans.put(
                                   request.requireActor(), request.params.at("id"), precondition.version,
                                   competencies, idempotencyKeyOf(request))));
  });
}

}  // namespace cqpm::http::handlers
