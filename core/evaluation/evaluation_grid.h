#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/bloc_scope.h"
#include "referential_model/referential.h"

namespace cqpm::evaluation {

/// What the grid shows of one competency, read from the file's pinned
/// referential and its modality plan; the evaluators' content is stored apart.
struct GridCompetency {
  std::string number;  ///< "1".."N", the key of the competency in the grid and the API path
  std::string title;
  std::size_t bloc_index = 0;            ///< 1-based position of its bloc in the referential
  std::optional<std::string> bloc_code;  ///< absent where the referential has no code yet
  std::string bloc_title;
  std::optional<std::string> modality;   ///< the planned modality id, once planned
  referential_model::Criteria criteria;  ///< methods, means, relations, environment
};

/// The competencies of `referential` in order, with the modality `modality_plan_json`
/// (the file's plan, a JSON array of {competency, modality, ...}) gives each; only
/// those `scope` leaves to evaluate (targeted blocs, not carried over).
/// Pure; throws nothing.
std::vector<GridCompetency> gridCompetencies(const referential_model::Referential& referential,
                                             const std::optional<std::string>& modality_plan_json,
                                             const domain::BlocScope& scope = {});

/// The competency numbered `number`, or null.
const GridCompetency* findCompetency(const std::vector<GridCompetency>& grid, const std::string& number);

/// The criteria groups of a competency ("methods", "means", "relations", "environment").
std::vector<std::string> criteriaGroups(const GridCompetency& competency);

/// Every competency number of `referential`, in order: the keys the plugin's
/// evaluation hooks read.
std::vector<std::string> competencyNumbers(const referential_model::Referential& referential);

}  // namespace cqpm::evaluation
