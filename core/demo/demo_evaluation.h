#pragma once

#include <string>
#include <vector>

#include "domain/actor.h"
#include "evaluation/commission_service.h"
#include "evaluation/evaluation_service.h"

namespace cqpm::demo {

/// What the centre and the commission do on a demo file before `transition` is
/// fired, through the same services as the API: before start_evaluation the
/// centre's coordinator forms the commission from the evaluators of the centre
/// (`evaluators`); before the evaluation is left the first
/// evaluator records every competency as acquired and two evaluators sign it.
/// Other transitions need nothing. Errors are the services' (Error).
void prepareEvaluationStep(evaluation::CommissionService& commissions,
                           evaluation::EvaluationService& evaluations, const domain::Actor& centre,
                           const std::vector<domain::Actor>& evaluators, const std::string& file_id,
                           const std::string& transition);

}  // namespace cqpm::demo
