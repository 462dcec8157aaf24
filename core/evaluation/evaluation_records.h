#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "evaluation/evaluation_grid.h"
#include "store/evaluation_store.h"

namespace cqpm::evaluation {

/// What the services of this module answer; http/evaluation_presenters.h
/// renders them as the API's JSON (schemas/openapi.yaml).

/// An evaluator of the file's centre, as the commission lists them.
struct Evaluator {
  std::string id;            ///< user id
  std::string display_name;  ///< as the accounts name them
};

/// The evaluation commission of a file as one actor reads it.
struct CommissionView {
  std::string file_id;
  std::vector<Evaluator> evaluators;  ///< the members, in the order the coordinator listed them
  bool editable = false;              ///< the actor may replace the commission now
  /// The centre's evaluators the coordinator may choose from; absent for anyone else.
  std::optional<std::vector<Evaluator>> available_evaluators;
};

/// One competency of the grid: what the referential and the modality plan say
/// of it, and what the commission recorded (schemas/openapi.yaml, CompetencyEvaluation).
struct CompetencyView {
  GridCompetency competency;  ///< number, title, bloc, planned modality, criteria
  std::string result;         ///< acquired, not_acquired or not_evaluated
  /// Every criteria group of the competency in its order, with "" where nothing was written.
  std::vector<std::pair<std::string, std::string>> observations;
  std::vector<std::string> evidence;                   ///< ids of the file's documents referenced
  std::int64_t version = 0;                            ///< 0 until someone writes the competency
  std::string etag;                                    ///< the If-Match of the next write (competencyEtag)
  std::optional<Evaluator> updated_by;                 ///< absent at version 0
  std::string updated_at;                              ///< empty at version 0
  std::vector<store::EvaluationSignature> signatures;  ///< on the current version only
  bool evaluated = false;                              ///< counts for the completeness check (isEvaluated)
};

/// The evaluation grid of a file as one actor reads it.
struct GridView {
  std::string file_id;
  std::string state;                                ///< the file's workflow state
  std::optional<std::int64_t> referential_version;  ///< the pinned referential, once pinned
  std::optional<std::string> referential_commit;
  std::vector<Evaluator> commission;         ///< the members whose signatures count
  bool complete = false;                     ///< the guard leaving the evaluation would let the file go
  bool editable = false;                     ///< the actor is a member and the file is under_evaluation
  std::vector<CompetencyView> competencies;  ///< the competencies left to evaluate, in order
};

/// One competency as a write answers it.
struct CompetencyAnswer {
  CompetencyView competency;  ///< after the write; competency.etag names its new version
  bool created = false;       ///< a signature that was not there before (201 rather than 200)
};

/// The refusal of a write whose If-Match names a version that is no longer the
/// competency's: Error{kPreconditionFailed, "If-Match"} carrying the current
/// content, which the API returns as details.current (http/evaluation_presenters.h).
class StaleCompetency : public Error {
 public:
  StaleCompetency(const std::string& message, CompetencyView current)
      : Error(ErrorCode::kPreconditionFailed, message, "If-Match"), current_(std::move(current)) {}
  const CompetencyView& current() const { return current_; }

 private:
  CompetencyView current_;
};

}  // namespace cqpm::evaluation
