#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_schema.h"
#include "domain/role.h"
#include "workflow/guard_registry.h"

namespace cqpm::workflow {

/// One state of a workflow, as declared in its definition file.
struct StateDefinition {
  std::string id;      ///< snake_case, stored on files: never renamed
  std::string label;   ///< French, for people
  bool final = false;  ///< no transition leaves a final state
};

/// One transition of a workflow, as declared in its definition file.
struct TransitionDefinition {
  std::string id;
  std::string label;                ///< French, for people
  std::string description;          ///< French; empty when the file has none
  std::vector<std::string> from;    ///< states it may be fired from (at least one)
  std::string to;                   ///< the state it leads to
  std::vector<domain::Role> roles;  ///< roles that may fire it (at least one)
  std::vector<std::string> guards;  ///< guard names, checked in this order
  bool pins_referential = false;    ///< firing it pins the file to the published referential version
  /// The payload's schema as declared ("payload"), or null when the file declares none.
  Poco::JSON::Object::Ptr payload_schema_json;
  /// The compiled payload schema: the declared one, or one that accepts only {}.
  std::shared_ptr<const JsonSchema> payload_schema;

  /// True if the transition may be fired from `state`.
  bool leavesFrom(std::string_view state) const;
  /// True if `role` may fire the transition.
  bool allowsRole(domain::Role role) const;
};

/// A workflow definition (workflows/*.json) loaded and checked at start-up: an
/// immutable value once built, so concurrent reads are safe. Pointers returned by
/// the accessors are borrowed and stay valid while this object lives (moving it
/// keeps them valid; a copy has its own).
class WorkflowDefinition {
 public:
  /// Reads and checks the definition file against the schema file; see parse().
  /// Throws Error{kInvalidConfiguration} naming the file if either cannot be read
  /// or is invalid: a broken definition must stop start-up.
  static WorkflowDefinition load(const std::string& definition_path, const std::string& schema_path,
                                 const GuardRegistry& guards);

  /// Checks `definition_text`, in this order, stopping at the first step that fails:
  /// JSON syntax; the schema (every violation is listed); then unique state and
  /// transition ids, `initial` declared and not final, every from/to declared, no
  /// transition leaving a final state, every role known, every guard registered in
  /// `guards`, every non-final state reachable from `initial`.
  /// Throws Error{kInvalidConfiguration, "<source_name>: <path>: <what is wrong>",
  /// "<path>"}, e.g. "candidate-file.json: transitions[3].to: ...". For schema
  /// violations the message lists them all ("; "-separated), field is the first
  /// path, and details()["violations"] holds [{path, message}].
  static WorkflowDefinition parse(std::string_view definition_text, std::string_view schema_text,
                                  const GuardRegistry& guards, const std::string& source_name);

  /// As above, with a schema already compiled (to check several definitions).
  static WorkflowDefinition parse(std::string_view definition_text, const JsonSchema& schema,
                                  const GuardRegistry& guards, const std::string& source_name);

  const std::string& id() const { return id_; }
  std::int64_t version() const { return version_; }
  const std::string& title() const { return title_; }
  const std::string& initialState() const { return initial_; }
  /// In the order of the file.
  const std::vector<StateDefinition>& states() const { return states_; }
  /// In the order of the file.
  const std::vector<TransitionDefinition>& transitions() const { return transitions_; }

  /// The state with this id, or null.
  const StateDefinition* findState(std::string_view id) const;
  /// The transition with this id, or null.
  const TransitionDefinition* findTransition(std::string_view id) const;
  /// The transitions that may be fired from `state`, in the order of the file;
  /// empty for a final or unknown state.
  std::vector<const TransitionDefinition*> transitionsFrom(std::string_view state) const;
  /// True if `state` is declared and final.
  bool isFinal(std::string_view state) const;

  /// The definition as served to web pages: the shape of the file (roles by wire
  /// name; "description" only when present). A new object, owned by the caller.
  Poco::JSON::Object::Ptr toJson() const;

 private:
  WorkflowDefinition() = default;

  std::string id_;
  std::int64_t version_ = 0;
  std::string title_;
  std::string initial_;
  std::vector<StateDefinition> states_;
  std::vector<TransitionDefinition> transitions_;
  // Indices rather than pointers, so that copies stay correct.
  std::map<std::string, std::size_t, std::less<>> state_index_;
  std::map<std::string, std::size_t, std::less<>> transition_index_;
};

}  // namespace cqpm::workflow
