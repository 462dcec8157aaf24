#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "files/idempotent_write.h"
#include "observability/metrics.h"
#include "store/candidate_file_store.h"
#include "store/database.h"
#include "workflow/workflow_engine.h"

namespace cqpm::files {

/// A request to move a file along the workflow.
struct TransitionRequest {
  std::string file_id;
  std::string transition;
  std::int64_t expected_version = 0;
  Poco::JSON::Object::Ptr payload;  ///< never null
};

/// Where a transition is applied: checks scope, version and the engine's
/// decision, then writes the new state, bumps the version and appends the event
/// in ONE transaction. Thread-safe.
class TransitionService {
 public:
  TransitionService(store::Database& db, Clock clock, const workflow::WorkflowEngine& engine,
                    observability::Metrics& metrics);

  /// Fires the transition. Throws Error: kNotFound (absent or out of scope),
  /// kVersionConflict (details.current_version) when expected_version is stale,
  /// and the engine's refusal (kUnknownTransition, kInvalidState, kForbidden,
  /// kGuardFailed). On success returns what `render` makes of the updated file;
  /// with `idempotency`, a retry returns the first answer and fires nothing.
  store::StoredResponse fire(
      const domain::Actor& actor, const TransitionRequest& request,
      const std::optional<IdempotencyKey>& idempotency,
      const std::function<store::StoredResponse(const store::CandidateFileView&)>& render);

  /// Fires the transition inside a write transaction the caller already holds
  /// (`sql` from Database::write), so that it commits or rolls back with the
  /// caller's other writes (a jury decision and the move it causes). Same checks
  /// and errors as fire(), without idempotency; returns the updated file. The
  /// transition is counted in the metrics only once the caller calls countFired.
  store::CandidateFileView fireIn(store::SqlSession& sql, const domain::Actor& actor,
                                  const TransitionRequest& request);
  /// Counts a transition fired through fireIn, after its transaction committed.
  void countFired(const std::string& transition) { metrics_.recordTransition(transition); }

 private:
  store::Database& db_;
  Clock clock_;
  const workflow::WorkflowEngine& engine_;
  observability::Metrics& metrics_;
};

}  // namespace cqpm::files
