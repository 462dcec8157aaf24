#include "evaluation/evaluation_grid.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <map>

namespace cqpm::evaluation {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string numberText(const Poco::Dynamic::Var& number) {
  return std::to_string(number.convert<Poco::Int64>());
}

// Competency number -> planned modality id, from the stored plan.
std::map<std::string, std::string> plannedModalities(const std::optional<std::string>& modality_plan_json) {
  std::map<std::string, std::string> planned;
  if (!modality_plan_json) return planned;
  const auto plan = Poco::JSON::Parser().parse(*modality_plan_json).extract<Array::Ptr>();
  for (std::size_t i = 0; plan && i < plan->size(); ++i) {
    const auto entry = plan->getObject(static_cast<unsigned>(i));
    if (!entry || !entry->has("competency") || !entry->has("modality")) continue;
    planned[numberText(entry->get("competency"))] = entry->getValue<std::string>("modality");
  }
  return planned;
}

}  // namespace

std::vector<GridCompetency> gridCompetencies(const referential_model::Referential& referential,
                                             const std::optional<std::string>& modality_plan_json,
                                             const domain::BlocScope& scope) {
  const auto planned = plannedModalities(modality_plan_json);
  std::vector<GridCompetency> grid;
  for (std::size_t b = 0; b < referential.blocs.size(); ++b) {
    const int bloc_index = static_cast<int>(b) + 1;
    if (!scope.targets(bloc_index) || scope.carries(bloc_index)) continue;
    const auto& bloc = referential.blocs[b];
    for (const auto& competency : bloc.competencies) {
      GridCompetency item;
      item.number = competency.key();
      item.title = competency.title;
      item.bloc_index = b + 1;
      item.bloc_code = bloc.code;
      item.bloc_title = bloc.title;
      if (const auto found = planned.find(item.number); found != planned.end()) item.modality = found->second;
      item.criteria = competency.criteria;
      grid.push_back(std::move(item));
    }
  }
  return grid;
}

const GridCompetency* findCompetency(const std::vector<GridCompetency>& grid, const std::string& number) {
  for (const auto& competency : grid) {
    if (competency.number == number) return &competency;
  }
  return nullptr;
}

std::vector<std::string> criteriaGroups(const GridCompetency&) {
  // Every competency has the four groups (an empty one where the source has none), in the
  // referential's order (schemas/referential.schema.json).
  return {"methods", "means", "relations", "environment"};
}

std::vector<std::string> competencyNumbers(const referential_model::Referential& referential) {
  std::vector<std::string> numbers;
  for (const auto& competency : gridCompetencies(referential, std::nullopt))
    numbers.push_back(competency.number);
  return numbers;
}

}  // namespace cqpm::evaluation
