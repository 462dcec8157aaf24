#pragma once

#include <string>

#include "evaluation/evaluation_grid.h"
#include "evaluation/evaluation_records.h"
#include "store/evaluation_store.h"

namespace cqpm::evaluation {

/// Whether a competency counts as evaluated: a result other than not_evaluated,
/// signed on its current content version by enough members of the commission.
bool isEvaluated(const store::CompetencyEvaluation& stored);

/// One competency of the grid as the services answer it: what the referential
/// and the plan say of it, and what the commission recorded (`stored`, its
/// JSON texts read back), with its version, ETag and signatures.
CompetencyView competencyView(const std::string& file_id, const GridCompetency& competency,
                              const store::CompetencyEvaluation& stored);

}  // namespace cqpm::evaluation
