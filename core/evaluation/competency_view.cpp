#include "evaluation/competency_view.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "evaluation/competency_etag.h"

namespace cqpm::evaluation {

bool isEvaluated(const store::CompetencyEvaluation& stored) {
  return stored.result != "not_evaluated" &&
         stored.signatures.size() >= store::evaluation_store::kSignaturesRequired;
}

CompetencyView competencyView(const std::string& file_id, const GridCompetency& competency,
                              const store::CompetencyEvaluation& stored) {
  CompetencyView view;
  view.competency = competency;
  view.result = stored.result;
  // Every group of the competency is present, empty when nothing was written.
  const auto written =
      Poco::JSON::Parser().parse(stored.observations_json).extract<Poco::JSON::Object::Ptr>();
  for (const auto& group : criteriaGroups(competency)) {
    view.observations.emplace_back(group, written->optValue<std::string>(group, ""));
  }
  const auto evidence = Poco::JSON::Parser().parse(stored.evidence_json).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; evidence && i < evidence->size(); ++i) {
    view.evidence.push_back(evidence->getElement<std::string>(static_cast<unsigned>(i)));
  }
  view.version = stored.version;
  view.etag = competencyEtag(file_id, competency.number, stored.version);
  if (!stored.updated_by.empty()) {
    view.updated_by = Evaluator{stored.updated_by, stored.updated_by_name};
    view.updated_at = stored.updated_at;
  }
  view.signatures = stored.signatures;
  view.evaluated = isEvaluated(stored);
  return view;
}

}  // namespace cqpm::evaluation
