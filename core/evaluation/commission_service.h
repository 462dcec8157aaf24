#pragma once

#include <Poco/JSON/Array.h>

#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "evaluation/evaluation_records.h"
#include "store/database.h"

namespace cqpm::evaluation {

/// Whether a commission may replace another one (the file's page), or only be formed where there
/// is none: a bulk action over many files never undoes a colleague's choice for one of them.
enum class CommissionChange { kReplace, kFormOnly };

/// The evaluation commission of a file: the evaluators of the file's centre who
/// evaluate it. Only they see the file among evaluators (access/file_scope), and
/// only their signatures count on the grid. Formed by the centre's coordinator,
/// explicitly (agreeing the modality plan does not form it). Thread-safe.
class CommissionService {
 public:
  CommissionService(store::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

  /// The file's commission as `actor` reads it (the centre's evaluators to
  /// choose from for the coordinator only). Error{kNotFound} outside the actor's scope.
  CommissionView get(const domain::Actor& actor, const std::string& file_id);

  /// Replaces the commission with `evaluators` (user ids, in order) and records
  /// a "commission_assigned" event; the same list again changes nothing. Errors:
  /// kNotFound; kForbidden (not the file's centre coordinator); kInvalidState
  /// (the evaluation is over, or the file is closed); kInvalidField (not a list of
  /// ids, naming "evaluators" or "evaluators[i]"); kUnprocessable (empty, not an
  /// evaluator of the file's centre, listed twice: naming "evaluators[i]").
  /// With CommissionChange::kFormOnly (the dashboard's bulk action), a file whose commission is already
  /// formed otherwise is left as it is: Error{kConflict, field "evaluators"}.
  /// Returns the commission as get() reads it after the change.
  CommissionView assign(const domain::Actor& actor, const std::string& file_id,
                        const Poco::JSON::Array::Ptr& evaluators,
                        CommissionChange change = CommissionChange::kReplace);

 private:
  store::Database& db_;
  Clock clock_;
};

}  // namespace cqpm::evaluation
