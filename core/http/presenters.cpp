#include "http/presenters.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "common/clock.h"
#include "common/input_rules.h"
#include "common/json_text.h"
#include "files/event_summary.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {}  // namespace

Object::Ptr userJson(const domain::Actor& actor) {
  Object::Ptr user = new Object;
  user->set("id", actor.user_id);
  user->set("login", actor.login);
  user->set("display_name", actor.display_name);
  user->set("role", std::string(domain::roleName(actor.role)));
  user->set("college", actor.college ? Poco::Dynamic::Var(std::string(domain::collegeName(*actor.college)))
                                     : Poco::Dynamic::Var());
  Object::Ptr organisation = new Object;
  organisation->set("id", actor.organisation_id);
  organisation->set("name", actor.organisation_name);
  organisation->set("kind", std::string(domain::organisationKindName(actor.organisation_kind)));
  user->set("organisation", organisation);
  return user;
}

Object::Ptr organisationJson(const domain::Organisation& organisation) {
  auto strings = [](const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& value : values) array->add(value);
    return array;
  };
  Object::Ptr json = new Object;
  json->set("id", organisation.id);
  json->set("name", organisation.name);
  json->set("kind", std::string(domain::organisationKindName(organisation.kind)));
  json->set("active", organisation.active);
  json->set("region", nullable(organisation.region));
  json->set("departements", strings(organisation.departements));
  json->set("siret", nullable(organisation.siret));
  json->set("address", nullable(organisation.address));
  json->set("centre_ids", strings(organisation.centre_ids));
  json->set("created_at", organisation.created_at);
  json->set("updated_at", organisation.updated_at);
  return json;
}

Object::Ptr fileJson(const store::CandidateFileView& view, const workflow::WorkflowEngine* engine,
                     const domain::Actor* actor, const std::string& now) {
  const domain::CandidateFile& file = view.file;
  Object::Ptr json = new Object;
  json->set("id", file.id);
  json->set("state", file.state);
  json->set("version", file.version);
  json->set("cqpm", file.cqpm);
  json->set("pathway", std::string(domain::pathwayName(file.pathway)));
  Object::Ptr candidate = new Object;
  candidate->set("given_name", file.candidate.given_name);
  candidate->set("family_name", file.candidate.family_name);
  candidate->set("email", file.candidate.email);
  candidate->set("birth_date", file.candidate.birth_date);
  candidate->set("birth_place", nullIfEmpty(file.candidate.birth_place));
  candidate->set("sex", nullIfEmpty(file.candidate.sex));
  candidate->set("birth_insee_code", nullIfEmpty(file.candidate.birth_insee_code));
  json->set("candidate", candidate);
  // The CQPM's registration answers (habilitations, material family...), as registered or corrected.
  json->set("registration", StoredJson{file.registration_json});
  // The blocs registered for (none listed: the whole CQPM) and those carried over from earlier decisions.
  json->set("bloc_scope", StoredJson{file.bloc_scope_json});
  Object::Ptr centre = new Object;
  centre->set("id", file.centre_id);
  centre->set("name", view.centre_name);
  json->set("centre", centre);
  if (file.company_id) {
    Object::Ptr company = new Object;
    company->set("id", *file.company_id);
    company->set("name", view.company_name.value_or(""));
    json->set("company", company);
  } else {
    json->set("company", Poco::Dynamic::Var());
  }
  if (file.referential_commit) {
    Object::Ptr referential = new Object;
    referential->set("version", *file.referential_version);
    referential->set("commit", *file.referential_commit);
    json->set("referential", referential);
  } else {
    json->set("referential", Poco::Dynamic::Var());
  }
  json->set("created_at", file.created_at);
  json->set("updated_at", file.updated_at);
  // The dashboard's flag: the report deadline (as extended) has ended and no report is there.
  json->set("report_due_at", nullable(view.report_due_at));
  json->set("overdue", view.report_due_at && !view.report_uploaded && now >= *view.report_due_at);
  if (engine && actor) json->set("available_transitions", availableTransitionsJson(*engine, file, *actor));
  return json;
}

Array::Ptr availableTransitionsJson(const workflow::WorkflowEngine& engine, const domain::CandidateFile& file,
                                    const domain::Actor& actor) {
  Array::Ptr transitions = new Array;
  for (const auto* transition : engine.available(file, actor)) {
    Object::Ptr entry = new Object;
    entry->set("id", transition->id);
    entry->set("label", transition->label);
    entry->set("to", transition->to);
    Array::Ptr guards = new Array;
    for (const auto& guard : transition->guards) guards->add(guard);
    entry->set("guards", guards);
    transitions->add(entry);
  }
  return transitions;
}

Object::Ptr eventJson(const domain::FileEvent& event, const workflow::WorkflowDefinition* workflow) {
  Object::Ptr json = new Object;
  json->set("seq", event.seq);
  json->set("transition", event.transition);
  json->set("from", nullable(event.from_state));
  json->set("to", event.to_state);
  Object::Ptr actor = new Object;
  actor->set("id", event.actor_id);
  actor->set("login", event.actor_login);
  actor->set("display_name", event.actor_display_name);
  actor->set("role", event.actor_role);
  json->set("actor", actor);
  json->set("summary_fr", files::eventSummaryFr(event, workflow));
  json->set("organisation_id", event.organisation_id);
  Poco::JSON::Parser parser;
  json->set("payload", parser.parse(event.payload_json));
  json->set("at", event.at);
  json->set("prev_hash", event.prev_hash);
  json->set("hash", event.hash);
  return json;
}

Object::Ptr errorJson(const std::string& code, const std::string& message, const std::string& field,
                      Object::Ptr details) {
  Object::Ptr error = new Object;
  error->set("code", code);
  // Messages and fields may quote what a client sent (an id from the URL, a key): bytes
  // that are not printable UTF-8 are written \xNN, never echoed raw.
  error->set("message", printable(message, 4000));
  error->set("field", field.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(printable(field, 200)));
  if (details) error->set("details", details);
  Object::Ptr wrapper = new Object;
  wrapper->set("error", error);
  return wrapper;
}

}  // namespace cqpm::http
