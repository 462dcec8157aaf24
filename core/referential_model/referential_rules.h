#pragma once

#include <optional>
#include <string>

#include "referential_model/referential.h"

namespace cqpm::referential_model {

/// What a schema cannot say about a referential, found by checkReferentialRules.
struct RuleViolation {
  std::string path;  ///< JSON path: "blocs[1].competencies[0].number"
  std::string message;
};

/// The referential's shape after schema validation.
struct ReferentialCounts {
  int blocs = 0;
  int competencies = 0;
};

/// Checks the rules of a schema-valid referential: its id is `expected_id`,
/// competencies are numbered 1..N across the CQPM in order, bloc codes and
/// modality ids are unique. Returns the first violation, or the counts. Pure.
std::optional<RuleViolation> checkReferentialRules(const Referential& referential,
                                                   const std::string& expected_id, ReferentialCounts& counts);

}  // namespace cqpm::referential_model
