#include "workflow/workflow_engine.h"

#include <utility>

#include "common/error.h"
#include "common/input_rules.h"
#include "common/json_text.h"

namespace cqpm::workflow {
namespace {

Decision refused(const TransitionDefinition* transition, ErrorCode code, std::string message,
                 std::string field = {}) {
  return Decision{false, transition, {}, Refusal{code, std::move(message), std::move(field), nullptr}};
}

template <typename Items, typename Name>
std::string listed(const Items& items, Name name) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ", ";
    text += name(item);
  }
  return text;
}

// The schema's path ("$", "reason", "blocs[0]") as a request field ("payload.reason").
std::string payloadField(const std::string& schema_path) {
  if (schema_path.empty() || schema_path == "$") return "payload";
  return "payload" + std::string(schema_path.front() == '[' ? "" : ".") + schema_path;
}

std::optional<Refusal> checkPayload(const TransitionDefinition& transition,
                                    const Poco::JSON::Object::Ptr& payload) {
  // The schema first, so that a field at fault is named; then the size of the whole.
  // A member the schema does not declare is named by its own path (valijson reports it
  // on the object holding it).
  const auto& declared = transition.payload_schema_json;
  const auto properties = declared ? declared->getObject("properties") : nullptr;
  const bool closed = !declared || (declared->has("additionalProperties") &&
                                    declared->get("additionalProperties").type() == typeid(bool) &&
                                    !declared->getValue<bool>("additionalProperties"));
  if (closed) {
    for (const auto& [key, value] : *payload) {
      if (!properties || !properties->has(key)) {
        const std::string field = "payload." + printable(key, 64);
        return Refusal{ErrorCode::kUnprocessable,
                       "The payload of '" + transition.id + "' takes no member " + field + ".", field,
                       nullptr};
      }
    }
  }
  const auto violations = transition.payload_schema
                              ? transition.payload_schema->validate(Poco::Dynamic::Var(payload))
                              : std::vector<SchemaViolation>{};
  if (violations.empty()) {
    const std::size_t size = toJsonText(payload).size();
    if (size > WorkflowEngine::kMaxPayloadBytes) {
      return Refusal{ErrorCode::kUnprocessable,
                     "The payload of '" + transition.id + "' is " + std::to_string(size) +
                         " bytes of JSON; at most " + std::to_string(WorkflowEngine::kMaxPayloadBytes) +
                         " are kept in the history.",
                     "payload", nullptr};
    }
    return std::nullopt;
  }
  const SchemaViolation& first = violations.front();
  const std::string field = payloadField(first.path);
  return Refusal{ErrorCode::kUnprocessable,
                 "The payload of '" + transition.id + "' is refused: " + field + ": " +
                     printable(first.message, 300) + ".",
                 field, nullptr};
}

}  // namespace

WorkflowEngine::WorkflowEngine(const WorkflowDefinition& definition, const GuardRegistry& registry)
    : definition_(definition) {
  guards_.reserve(definition.transitions().size());
  for (const TransitionDefinition& transition : definition.transitions()) {
    std::vector<const RegisteredGuard*> resolved;
    for (const std::string& name : transition.guards) {
      const RegisteredGuard* guard = registry.find(name);
      if (!guard) {
        throw Error(ErrorCode::kInvalidConfiguration,
                    "workflow '" + definition.id() + "': transition '" + transition.id +
                        "' names unknown guard '" + name + "'",
                    "guards");
      }
      resolved.push_back(guard);
    }
    guards_.push_back(std::move(resolved));
  }
}

const std::vector<const RegisteredGuard*>& WorkflowEngine::guardsOf(
    const TransitionDefinition& transition) const {
  return guards_[static_cast<std::size_t>(&transition - definition_.transitions().data())];
}

Decision WorkflowEngine::decide(const domain::CandidateFile& file, const domain::Actor& actor,
                                std::string_view transition_id, Poco::JSON::Object::Ptr payload,
                                store::SqlSession* sql) const {
  const TransitionDefinition* transition = definition_.findTransition(transition_id);
  if (!transition) {
    return refused(
        nullptr, ErrorCode::kUnknownTransition,
        "The workflow '" + definition_.id() + "' has no transition '" + std::string(transition_id) + "'.",
        "transition");
  }
  if (!transition->leavesFrom(file.state)) {
    return refused(
        transition, ErrorCode::kInvalidState,
        "The file is in state '" + file.state + "'; '" + transition->id +
            "' can only be done from: " + listed(transition->from, [](const auto& s) { return s; }) + ".");
  }
  if (!transition->allowsRole(actor.role)) {
    return refused(
        transition, ErrorCode::kForbidden,
        "Role '" + std::string(domain::roleName(actor.role)) + "' may not do '" + transition->id +
            "'; allowed roles: " +
            listed(transition->roles, [](auto role) { return std::string(domain::roleName(role)); }) + ".");
  }
  if (payload.isNull()) payload = new Poco::JSON::Object;
  if (auto refusal = checkPayload(*transition, payload))
    return Decision{false, transition, {}, std::move(refusal)};
  const GuardContext context{file, actor, payload, sql};
  for (const RegisteredGuard* guard : guardsOf(*transition)) {
    if (auto refusal = guard->function(context)) {
      return Decision{false, transition, {}, std::move(refusal)};
    }
  }
  return Decision{true, transition, transition->to, std::nullopt};
}

std::vector<const TransitionDefinition*> WorkflowEngine::available(const domain::CandidateFile& file,
                                                                   const domain::Actor& actor) const {
  const GuardContext context{file, actor, Poco::JSON::Object::Ptr(new Poco::JSON::Object), nullptr};
  std::vector<const TransitionDefinition*> result;
  for (const TransitionDefinition* transition : definition_.transitionsFrom(file.state)) {
    if (!transition->allowsRole(actor.role)) continue;
    bool passes = true;
    for (const RegisteredGuard* guard : guardsOf(*transition)) {
      if (guard->kind == GuardKind::kFile && guard->function(context)) {
        passes = false;
        break;
      }
    }
    if (passes) result.push_back(transition);
  }
  return result;
}

}  // namespace cqpm::workflow
