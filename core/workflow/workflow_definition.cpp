#include "workflow/workflow_definition.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "common/error.h"
#include "common/json_text.h"

namespace cqpm::workflow {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

[[noreturn]] void fail(const std::string& source, const std::string& path, const std::string& what) {
  throw Error(ErrorCode::kInvalidConfiguration, source + ": " + path + ": " + what, path);
}

std::string indexed(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string member(const std::string& path, const std::string& key) {
  return path == "$" ? key : path + "." + key;
}

// Reads the parsed document. The schema normally guarantees the shape, but parse()
// accepts any schema text, so every read still checks its type rather than crash.
class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  Object::Ptr object(const Var& value, const std::string& path) const {
    if (value.type() != typeid(Object::Ptr) || value.extract<Object::Ptr>().isNull()) {
      fail(source_, path, "expected an object");
    }
    return value.extract<Object::Ptr>();
  }

  Array::Ptr array(const Object::Ptr& object, const std::string& key, const std::string& path) const {
    const Var value = required(object, key, path);
    if (value.type() != typeid(Array::Ptr) || value.extract<Array::Ptr>().isNull()) {
      fail(source_, member(path, key), "expected an array");
    }
    return value.extract<Array::Ptr>();
  }

  std::string string(const Var& value, const std::string& path) const {
    if (!value.isString()) fail(source_, path, "expected a string");
    return value.convert<std::string>();
  }

  std::string string(const Object::Ptr& object, const std::string& key, const std::string& path) const {
    return string(required(object, key, path), member(path, key));
  }

  std::string optionalString(const Object::Ptr& object, const std::string& key,
                             const std::string& path) const {
    return object->has(key) ? string(object, key, path) : std::string();
  }

  std::int64_t integer(const Object::Ptr& object, const std::string& key, const std::string& path) const {
    const Var value = required(object, key, path);
    if (value.isBoolean() || !value.isInteger()) fail(source_, member(path, key), "expected an integer");
    return value.convert<std::int64_t>();
  }

  bool boolean(const Object::Ptr& object, const std::string& key, const std::string& path) const {
    const Var value = required(object, key, path);
    if (!value.isBoolean()) fail(source_, member(path, key), "expected true or false");
    return value.convert<bool>();
  }

  std::vector<std::string> strings(const Object::Ptr& object, const std::string& key,
                                   const std::string& path) const {
    const Array::Ptr items = array(object, key, path);
    std::vector<std::string> result;
    for (std::size_t i = 0; i < items->size(); ++i) {
      result.push_back(string(items->get(i), indexed(member(path, key), i)));
    }
    return result;
  }

 private:
  Var required(const Object::Ptr& object, const std::string& key, const std::string& path) const {
    if (!object->has(key)) fail(source_, member(path, key), "required property is missing");
    return object->get(key);
  }

  const std::string& source_;
};

// A transition that declares no payload takes none: anything sent would be kept in the
// history for ever without anyone reading it.
constexpr const char* kEmptyPayloadSchema = R"({"type": "object", "maxProperties": 0})";

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // The standard does not promise errno for iostreams; libstdc++ leaves open(2)'s.
    throw Error(ErrorCode::kInvalidConfiguration, path + ": cannot open the file: " + std::strerror(errno),
                "");
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kInvalidConfiguration, path + ": cannot read the file", "");
  return content.str();
}

void rejectSchemaViolations(const std::vector<SchemaViolation>& violations, const std::string& source) {
  if (violations.empty()) return;
  std::string message = source + ": ";
  Array::Ptr list = new Array;
  for (std::size_t i = 0; i < violations.size(); ++i) {
    if (i > 0) message += "; ";
    message += violations[i].path + ": " + violations[i].message;
    Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("path", violations[i].path);
    entry->set("message", violations[i].message);
    list->add(entry);
  }
  Object::Ptr details = new Object;
  details->set("violations", list);
  throw Error(ErrorCode::kInvalidConfiguration, message, violations.front().path, details);
}

}  // namespace

bool TransitionDefinition::leavesFrom(std::string_view state) const {
  return std::find(from.begin(), from.end(), state) != from.end();
}

bool TransitionDefinition::allowsRole(domain::Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

WorkflowDefinition WorkflowDefinition::load(const std::string& definition_path,
                                            const std::string& schema_path, const GuardRegistry& guards) {
  const JsonSchema schema = JsonSchema::parse(readFile(schema_path), schema_path);
  return parse(readFile(definition_path), schema, guards, definition_path);
}

WorkflowDefinition WorkflowDefinition::parse(std::string_view definition_text, std::string_view schema_text,
                                             const GuardRegistry& guards, const std::string& source_name) {
  return parse(definition_text, JsonSchema::parse(std::string(schema_text), source_name + " (schema)"),
               guards, source_name);
}

WorkflowDefinition WorkflowDefinition::parse(std::string_view definition_text, const JsonSchema& schema,
                                             const GuardRegistry& guards, const std::string& source) {
  const Var document = parseJson(definition_text, source);
  rejectSchemaViolations(schema.validate(document), source);

  const Reader read(source);
  const Object::Ptr root = read.object(document, "$");
  WorkflowDefinition definition;
  definition.id_ = read.string(root, "id", "$");
  definition.version_ = read.integer(root, "version", "$");
  if (definition.version_ < 1) fail(source, "version", "must be at least 1");
  definition.title_ = read.string(root, "title", "$");
  definition.initial_ = read.string(root, "initial", "$");

  const Array::Ptr states = read.array(root, "states", "$");
  for (std::size_t i = 0; i < states->size(); ++i) {
    const std::string path = indexed("states", i);
    const Object::Ptr state = read.object(states->get(i), path);
    StateDefinition parsed{read.string(state, "id", path), read.string(state, "label", path),
                           read.boolean(state, "final", path)};
    const auto [existing, inserted] = definition.state_index_.emplace(parsed.id, i);
    if (!inserted) {
      fail(source, member(path, "id"),
           "duplicate state id '" + parsed.id + "' (already declared at " +
               indexed("states", existing->second) + ")");
    }
    definition.states_.push_back(std::move(parsed));
  }

  const Array::Ptr transitions = read.array(root, "transitions", "$");
  for (std::size_t i = 0; i < transitions->size(); ++i) {
    const std::string path = indexed("transitions", i);
    const Object::Ptr transition = read.object(transitions->get(i), path);
    TransitionDefinition parsed;
    parsed.id = read.string(transition, "id", path);
    parsed.label = read.string(transition, "label", path);
    parsed.description = read.optionalString(transition, "description", path);
    parsed.from = read.strings(transition, "from", path);
    parsed.to = read.string(transition, "to", path);
    parsed.guards = read.strings(transition, "guards", path);
    parsed.pins_referential = transition->optValue<bool>("pins_referential", false);
    parsed.payload_schema_json = transition->getObject("payload");
    try {
      parsed.payload_schema = std::make_shared<const JsonSchema>(JsonSchema::parse(
          parsed.payload_schema_json ? toJsonText(parsed.payload_schema_json) : kEmptyPayloadSchema,
          source + ": " + member(path, "payload")));
    } catch (const Error& e) {
      fail(source, member(path, "payload"), e.what());
    }
    const std::vector<std::string> role_names = read.strings(transition, "roles", path);
    for (std::size_t r = 0; r < role_names.size(); ++r) {
      const auto role = domain::parseRole(role_names[r]);
      if (!role) {
        fail(source, indexed(member(path, "roles"), r),
             "transition '" + parsed.id + "' names unknown role '" + role_names[r] + "'");
      }
      parsed.roles.push_back(*role);
    }
    const auto [existing, inserted] = definition.transition_index_.emplace(parsed.id, i);
    if (!inserted) {
      fail(source, member(path, "id"),
           "duplicate transition id '" + parsed.id + "' (already declared at " +
               indexed("transitions", existing->second) + ")");
    }
    definition.transitions_.push_back(std::move(parsed));
  }

  const StateDefinition* initial = definition.findState(definition.initial_);
  if (!initial)
    fail(source, "initial", "initial state '" + definition.initial_ + "' is not declared in states");
  if (initial->final) fail(source, "initial", "initial state '" + definition.initial_ + "' is final");

  for (std::size_t i = 0; i < definition.transitions_.size(); ++i) {
    const TransitionDefinition& transition = definition.transitions_[i];
    const std::string path = indexed("transitions", i);
    const std::string named = "transition '" + transition.id + "'";
    for (std::size_t f = 0; f < transition.from.size(); ++f) {
      const StateDefinition* from = definition.findState(transition.from[f]);
      const std::string from_path = indexed(member(path, "from"), f);
      if (!from) fail(source, from_path, named + " leaves from unknown state '" + transition.from[f] + "'");
      if (from->final) {
        fail(source, from_path,
             named + " leaves final state '" + from->id + "'; a final state has no way out");
      }
    }
    if (!definition.findState(transition.to)) {
      fail(source, member(path, "to"), named + " goes to unknown state '" + transition.to + "'");
    }
    for (std::size_t g = 0; g < transition.guards.size(); ++g) {
      if (!guards.find(transition.guards[g])) {
        fail(source, indexed(member(path, "guards"), g),
             named + " names unknown guard '" + transition.guards[g] +
                 "' (registered guards: " + joined(guards.names()) + ")");
      }
    }
  }

  // A non-final state nobody can reach is a typo or a forgotten transition: files
  // could never be in it, yet pages and reports would list it.
  std::set<std::string, std::less<>> reached{definition.initial_};
  std::deque<std::string> pending{definition.initial_};
  while (!pending.empty()) {
    const std::string state = pending.front();
    pending.pop_front();
    for (const TransitionDefinition* transition : definition.transitionsFrom(state)) {
      if (reached.insert(transition->to).second) pending.push_back(transition->to);
    }
  }
  for (std::size_t i = 0; i < definition.states_.size(); ++i) {
    const StateDefinition& state = definition.states_[i];
    if (!state.final && !reached.contains(state.id)) {
      fail(source, indexed("states", i),
           "state '" + state.id + "' cannot be reached from initial state '" + definition.initial_ + "'");
    }
  }
  return definition;
}

const StateDefinition* WorkflowDefinition::findState(std::string_view id) const {
  const auto it = state_index_.find(id);
  return it == state_index_.end() ? nullptr : &states_[it->second];
}

const TransitionDefinition* WorkflowDefinition::findTransition(std::string_view id) const {
  const auto it = transition_index_.find(id);
  return it == transition_index_.end() ? nullptr : &transitions_[it->second];
}

std::vector<const TransitionDefinition*> WorkflowDefinition::transitionsFrom(std::string_view state) const {
  std::vector<const TransitionDefinition*> result;
  for (const TransitionDefinition& transition : transitions_) {
    if (transition.leavesFrom(state)) result.push_back(&transition);
  }
  return result;
}

bool WorkflowDefinition::isFinal(std::string_view state) const {
  const StateDefinition* found = findState(state);
  return found && found->final;
}

Poco::JSON::Object::Ptr WorkflowDefinition::toJson() const {
  auto stringArray = [](const auto& items, auto&& name) {
    Array::Ptr array = new Array;
    for (const auto& item : items) array->add(std::string(name(item)));
    return array;
  };
  auto same = [](const std::string& text) -> const std::string& { return text; };

  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("id", id_);
  root->set("version", version_);
  root->set("title", title_);
  root->set("initial", initial_);
  Array::Ptr states = new Array;
  for (const StateDefinition& state : states_) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("id", state.id);
    object->set("label", state.label);
    object->set("final", state.final);
    states->add(object);
  }
  root->set("states", states);
  Array::Ptr transitions = new Array;
  for (const TransitionDefinition& transition : transitions_) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("id", transition.id);
    object->set("label", transition.label);
    if (!transition.description.empty()) object->set("description", transition.description);
    object->set("from", stringArray(transition.from, same));
    object->set("to", transition.to);
    object->set("roles", stringArray(transition.roles, domain::roleName));
    object->set("guards", stringArray(transition.guards, same));
    if (transition.pins_referential) object->set("pins_referential", true);
    if (transition.payload_schema_json) object->set("payload", transition.payload_schema_json);
    transitions->add(object);
  }
  root->set("transitions", transitions);
  return root;
}

}  // namespace cqpm::workflow
