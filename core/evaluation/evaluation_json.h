#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "evaluation/evaluation_grid.h"
#include "store/evaluation_store.h"

namespace cqpm::evaluation {

/// Whether a competency counts as evaluated: a result other than not_evaluated,
/// signed on its current content version by enough members of the commission.
bool isEvaluated(const store::CompetencyEvaluation& stored);

/// One competency of the grid as the API shows it (schemas/openapi.yaml,
/// CompetencyEvaluation): what the referential and the plan say of it, and what
/// the commission recorded, with its version, ETag and signatures.
Poco::JSON::Object::Ptr competencyJson(const std::string& file_id, const GridCompetency& competency,
                                       const store::CompetencyEvaluation& stored);

}  // namespace cqpm::evaluation
