#include "evaluation/grid_view.h"

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "domain/bloc_scope.h"
#include "evaluation/competency_view.h"
#include "evaluation/evaluation_grid.h"

namespace cqpm::evaluation {

GridView gridOf(const domain::CandidateFile& file, plugins::PluginRules& rules,
                std::vector<Evaluator> commission,
                const std::map<std::string, store::CompetencyEvaluation>& stored) {
  GridView grid;
  grid.file_id = file.id;
  grid.state = file.state;
  grid.referential_version = file.referential_version;
  grid.referential_commit = file.referential_commit;
  grid.commission = std::move(commission);
  Poco::JSON::Object::Ptr results = new Poco::JSON::Object;
  for (const auto& competency : gridCompetencies(*rules.referentialFor(file), file.modality_plan_json,
                                                 domain::parseBlocScope(file.bloc_scope_json))) {
    const auto found = stored.find(competency.number);
    store::CompetencyEvaluation unwritten;
    unwritten.competency = competency.number;
    const auto& evaluation = found == stored.end() ? unwritten : found->second;
    grid.competencies.push_back(competencyView(file.id, competency, evaluation));
    results->set(competency.number, isEvaluated(evaluation) ? evaluation.result : "not_evaluated");
  }
  // Complete as the guard leaving the evaluation sees it: the CQPM's own check.
  grid.complete = !rules.checkEvaluationComplete(file, results).has_value();
  return grid;
}

bool gridHasAnything(const GridView& grid) {
  // A signature attests a written version, so a written version is the test.
  return !grid.commission.empty() || std::any_of(grid.competencies.begin(), grid.competencies.end(),
                                                 [](const CompetencyView& c) { return c.version > 0; });
}

}  // namespace cqpm::evaluation
