#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/candidate_file.h"
#include "workflow/guard.h"
#include "workflow/guard_registry.h"
#include "workflow/workflow_definition.h"

// This is where a transition is decided: may this actor fire this transition on
// this file now? The engine only answers; the storage layer applies an allowed
// decision (new state, event, version) in one transaction.

namespace cqpm::workflow {

/// The answer to "may this actor fire this transition on this file now?".
struct Decision {
  bool allowed = false;
  /// The transition asked for, borrowed from the definition; null if unknown.
  const TransitionDefinition* transition = nullptr;
  /// The state the file moves to; set only when allowed.
  std::string to_state;
  /// Why not; set exactly when !allowed.
  std::optional<Refusal> refusal;
};

/// Decides transitions of one workflow definition. Pure: it reads the file, the
/// actor and the payload, runs guards, and changes nothing. Thread-safe: const and
/// without mutable state, one engine serves every request thread (the guards it
/// runs must be thread-safe too, see GuardFunction).
///
/// Ownership: borrows `definition` and the guards of `registry`; both must outlive
/// the engine.
class WorkflowEngine {
 public:
  /// The largest payload a transition takes, as condensed JSON: it is kept for ever
  /// in the file's append-only history.
  static constexpr std::size_t kMaxPayloadBytes = 16 * 1024;

  /// Resolves every guard the definition names. Throws Error{kInvalidConfiguration}
  /// if `registry` lacks one (WorkflowDefinition::parse with the same registry
  /// guarantees it does not).
  WorkflowEngine(const WorkflowDefinition& definition, const GuardRegistry& registry);

  /// Checks, in this order, stopping at the first refusal:
  ///  1. the transition exists           -> kUnknownTransition, field "transition"
  ///  2. the file's state is in `from`   -> kInvalidState (names current and allowed states)
  ///  3. the actor's role is in `roles`  -> kForbidden
  ///  4. the payload: at most kMaxPayloadBytes of JSON, and valid against the
  ///     transition's payload schema               -> kUnprocessable, field "payload..."
  ///  5. each guard, in declared order (kFile and kPayload) -> the guard's refusal.
  /// `payload` may be null (treated as an empty object). Access scope (is this file
  /// in the actor's centre, company, jury session?) is checked by the caller before.
  /// Exceptions thrown by a guard (not refusals: failures) propagate.
  /// `sql` is the write transaction the decision is taken in, handed to the
  /// guards that read stored data (GuardContext::sql); null in pure tests.
  Decision decide(const domain::CandidateFile& file, const domain::Actor& actor,
                  std::string_view transition_id, Poco::JSON::Object::Ptr payload,
                  store::SqlSession* sql = nullptr) const;

  /// The transitions the actor could fire on the file now, in definition order:
  /// those leaving the file's state, open to the actor's role, whose kFile guards
  /// pass. kPayload guards are not run (no payload yet), so firing one of these may
  /// still be refused. Pointers are borrowed from the definition.
  std::vector<const TransitionDefinition*> available(const domain::CandidateFile& file,
                                                     const domain::Actor& actor) const;

  /// The definition this engine decides for.
  const WorkflowDefinition& definition() const { return definition_; }

 private:
  const std::vector<const RegisteredGuard*>& guardsOf(const TransitionDefinition& transition) const;

  const WorkflowDefinition& definition_;
  /// guards_[i] are the resolved guards of definition_.transitions()[i].
  std::vector<std::vector<const RegisteredGuard*>> guards_;
};

}  // namespace cqpm::workflow
