#pragma once

#include <Poco/JSON/Object.h>

#include <set>
#include <string>

#include "evaluation/evaluation_grid.h"

namespace cqpm::evaluation {

/// The results an evaluator may record for a competency.
inline const std::set<std::string> kResults{"acquired", "not_acquired", "not_evaluated"};

/// What an evaluator writes for one competency, normalised for storage: blank
/// observations are dropped, JSON texts are condensed with sorted keys, so equal
/// content compares equal.
struct CompetencyContent {
  std::string result;
  std::string observations_json;  ///< {group: text}
  std::string evidence_json;      ///< [document id]
};

/// Reads and checks the body of PUT .../evaluation/{competency}:
/// {result, observations: {group: text}, evidence: [document ids]}.
/// Errors name the field: kInvalidField (400) when a field has the wrong type,
/// kUnprocessable (422) when its value is refused ("result", "observations.<group>",
/// "evidence[i]"). `file_documents` are the ids of the file's documents.
CompetencyContent readCompetencyContent(const Poco::JSON::Object::Ptr& body, const GridCompetency& competency,
                                        const std::set<std::string>& file_documents);

}  // namespace cqpm::evaluation
