#include "history/file_at_instant.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "common/json_text.h"
#include "domain/bloc_scope.h"

namespace cqpm::history {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// The payload of an event, or null when it is not an object (older or foreign rows).
Object::Ptr payloadOf(const domain::FileEvent& event) {
  try {
    return Poco::JSON::Parser().parse(event.payload_json).extract<Object::Ptr>();
  } catch (const std::exception&) {
    return nullptr;
  }
}

// A correction recorded each changed field's former value under "before".
void undoCorrection(const Object::Ptr& payload, domain::CandidateFile& file) {
  const Object::Ptr before = payload ? payload->getObject("before") : nullptr;
  if (!before) return;
  const auto restore = [&](const char* name, std::string& field) {
    if (before->has(name) && !before->isNull(name)) field = before->getValue<std::string>(name);
  };
  restore("given_name", file.candidate.given_name);
  restore("family_name", file.candidate.family_name);
  restore("email", file.candidate.email);
  restore("birth_date", file.candidate.birth_date);
  restore("birth_place", file.candidate.birth_place);
  restore("sex", file.candidate.sex);
  restore("birth_insee_code", file.candidate.birth_insee_code);
  restore("registration", file.registration_json);
}

// Undoes, newest first, what the events after the instant changed in the file's own columns.
void undoLaterChanges(const std::vector<domain::FileEvent>& later,
                      const std::set<std::string>& pinning_transitions, FileAtInstant& rebuilt) {
  domain::CandidateFile& file = rebuilt.file;
  for (auto event = later.rbegin(); event != later.rend(); ++event) {
    if (event->transition == "file_corrected") {
      undoCorrection(payloadOf(*event), file);
    } else if (event->transition == "move_referential") {
      const Object::Ptr payload = payloadOf(*event);
      if (payload && payload->has("from_version")) {
        file.referential_version = payload->getValue<std::int64_t>("from_version");
        file.referential_commit.reset();
        rebuilt.referential_moved = true;
      }
    } else if (pinning_transitions.count(event->transition) != 0) {
      file.referential_version.reset();
      file.referential_commit.reset();
      rebuilt.referential_moved = false;
    }
  }
}

// The payload member `name` of the last event of `kind` by the instant, or null.
Poco::Dynamic::Var lastRecorded(const std::vector<domain::FileEvent>& events, const std::string& kind,
                                const std::string& name) {
  for (auto event = events.rbegin(); event != events.rend(); ++event) {
    if (event->transition != kind) continue;
    const Object::Ptr payload = payloadOf(*event);
    if (payload && payload->has(name)) return payload->get(name);
  }
  return {};
}

std::vector<std::string> commissionOf(const Poco::Dynamic::Var& evaluators) {
  std::vector<std::string> ids;
  if (evaluators.isEmpty()) return ids;
  const Array::Ptr list = evaluators.extract<Array::Ptr>();
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    ids.push_back(list->getElement<std::string>(static_cast<unsigned>(i)));
  }
  return ids;
}

std::string scopeAt(const std::string& scope_json, const std::string& at) {
  domain::BlocScope scope = domain::parseBlocScope(scope_json);
  const auto later = [&](const domain::CarriedOverBloc& bloc) { return bloc.confirmed_at > at; };
  if (std::none_of(scope.carried_over.begin(), scope.carried_over.end(), later)) return scope_json;
  scope.carried_over.erase(std::remove_if(scope.carried_over.begin(), scope.carried_over.end(), later),
                           scope.carried_over.end());
  return domain::blocScopeJson(scope);
}

}  // namespace

std::optional<FileAtInstant> fileAtInstant(const domain::CandidateFile& current,
                                           const std::vector<domain::FileEvent>& events,
                                           const std::string& at,
                                           const std::set<std::string>& pinning_transitions) {
  const auto first_later =
      std::find_if(events.begin(), events.end(), [&](const domain::FileEvent& e) { return e.at > at; });
  if (first_later == events.begin()) return std::nullopt;  // not created yet
  FileAtInstant rebuilt;
  rebuilt.file = current;
  rebuilt.events.assign(events.begin(), first_later);
  undoLaterChanges(std::vector<domain::FileEvent>(first_later, events.end()), pinning_transitions, rebuilt);

  domain::CandidateFile& file = rebuilt.file;
  file.state = rebuilt.events.back().to_state;
  file.updated_at = rebuilt.events.back().at;
  const Poco::Dynamic::Var plan = lastRecorded(rebuilt.events, "update_modality_plan", "competencies");
  file.modality_plan_json = plan.isEmpty() ? std::nullopt : std::optional<std::string>(toJsonText(plan));
  file.bloc_scope_json = scopeAt(file.bloc_scope_json, at);
  rebuilt.commission = commissionOf(lastRecorded(rebuilt.events, "commission_assigned", "evaluators"));
  return rebuilt;
}

}  // namespace cqpm::history
