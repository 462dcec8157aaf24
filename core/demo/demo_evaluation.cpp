#include "demo/demo_evaluation.h"

#include <Poco/JSON/Array.h>

#include "common/error.h"
#include "workflow/workflow_contract.h"

namespace cqpm::demo {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

void formCommission(evaluation::CommissionService& commissions, const domain::Actor& centre,
                    const std::vector<domain::Actor>& evaluators, const std::string& file_id) {
  Array::Ptr ids = new Array;
  for (const auto& evaluator : evaluators) ids->add(evaluator.user_id);
  commissions.assign(centre, file_id, ids);
}

void evaluateEveryCompetency(evaluation::EvaluationService& evaluations,
                             const std::vector<domain::Actor>& evaluators, const std::string& file_id) {
  if (evaluators.size() < 2) throw Error(ErrorCode::kInternal, "the demo grid needs two evaluators");
  for (const auto& competency : evaluations.grid(evaluators[0], file_id).competencies) {
    const std::string& number = competency.competency.number;
    Object::Ptr body = new Object;
    body->set("result", "acquired");
    Object::Ptr observations = new Object;
    observations->set("methods", "Démarche maîtrisée et argumentée lors de l'entretien avec la commission.");
    body->set("observations", observations);
    const auto written = evaluations.update(evaluators[0], file_id, number, competency.etag, body);
    for (std::size_t e = 0; e < 2; ++e)
      evaluations.sign(evaluators[e], file_id, number, written.competency.etag);
  }
}

}  // namespace

void prepareEvaluationStep(evaluation::CommissionService& commissions,
                           evaluation::EvaluationService& evaluations, const domain::Actor& centre,
                           const std::vector<domain::Actor>& evaluators, const std::string& file_id,
                           const std::string& transition) {
  if (transition == workflow::transitions::kStartEvaluation) {
    formCommission(commissions, centre, evaluators, file_id);
  } else if (transition == workflow::transitions::kRequestCompanyOpinion ||
             transition == workflow::transitions::kSendToJuryWithoutOpinion) {
    evaluateEveryCompetency(evaluations, evaluators, file_id);
  }
}

}  // namespace cqpm::demo
