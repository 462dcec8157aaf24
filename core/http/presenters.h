#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "domain/actor.h"
#include "domain/file_event.h"
#include "domain/organisation.h"
#include "store/candidate_file_store.h"
#include "workflow/workflow_engine.h"

namespace cqpm::http {

/// JSON shapes of the API (schemas/openapi.yaml), in one place.

Poco::JSON::Object::Ptr userJson(const domain::Actor& actor);
Poco::JSON::Object::Ptr organisationJson(const domain::Organisation& organisation);
/// A file; with `engine`, also the transitions `actor` may fire now. `now`
/// (the server's clock, ISO-8601) decides the overdue flag.
Poco::JSON::Object::Ptr fileJson(const store::CandidateFileView& view, const workflow::WorkflowEngine* engine,
                                 const domain::Actor* actor, const std::string& now);
/// The transitions `actor` may fire on `file` now (WorkflowEngine::available:
/// runs the plugins' file guards, so never call it under the writer lock).
Poco::JSON::Array::Ptr availableTransitionsJson(const workflow::WorkflowEngine& engine,
                                                const domain::CandidateFile& file,
                                                const domain::Actor& actor);
/// An event of a file's history, with its actor (id, login, display_name, role) and
/// a French summary (`summary_fr`, see files/event_summary.h) that names workflow
/// transitions by their label in `workflow` when given.
Poco::JSON::Object::Ptr eventJson(const domain::FileEvent& event,
                                  const workflow::WorkflowDefinition* workflow = nullptr);
/// {"error": {"code", "message", "field", "details"?}}
Poco::JSON::Object::Ptr errorJson(const std::string& code, const std::string& message,
                                  const std::string& field, Poco::JSON::Object::Ptr details);

}  // namespace cqpm::http
