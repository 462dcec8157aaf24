#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/candidate_file.h"
#include "referential_model/referential.h"

namespace cqpm::juries {

/// How the file's plan evaluates one competency, as the jury is shown it.
struct PlannedModality {
  std::string id;     ///< "real_situation"
  std::string label;  ///< the referential's label as a sentence ("Évaluation en situation ... réelle")
  bool exceptional = false;   ///< the referential allows it only exceptionally (reconstituted situation)
  std::string justification;  ///< why, written in the plan (exceptional modalities)
};

/// Per competency number ("3"), the modality the file's plan gives it; empty
/// without a plan. Labels come from `referential` (the file's pinned version).
std::map<std::string, PlannedModality> plannedModalities(const domain::CandidateFile& file,
                                                         const referential_model::Referential& referential);

/// The modalities the file's plan used, in the referential's order, as it names
/// them ("Évaluation en situation professionnelle réelle").
std::vector<std::string> modalitiesUsed(const domain::CandidateFile& file,
                                        const referential_model::Referential& referential);

/// "ÉVALUATION EN SITUATION RÉELLE." as "Évaluation en situation réelle": the
/// seeds print modality labels in capitals with a final period.
std::string modalityLabel(const std::string& printed);

}  // namespace cqpm::juries
