#include "certificates/outcome_labels.h"

#include "common/error.h"

namespace cqpm::certificates {

std::string outcomeLabelFr(std::string_view outcome, const std::string& field_name) {
  if (outcome == "certified") return "CQPM délivré";
  if (outcome == "blocs_awarded") return "Blocs de compétences validés";
  if (outcome == "not_certified") return "CQPM non délivré";
  throw Error(ErrorCode::kInvalidField,
              "unknown outcome '" + std::string(outcome) + "' (certified, blocs_awarded, not_certified)",
              field_name);
}

std::string collegeLabelFr(std::string_view college) {
  if (college == "employer") return "collège employeurs";
  if (college == "employee") return "collège salariés";
  return std::string(college);
}

std::string pathwayLabelFr(std::string_view pathway) {
  if (pathway == "employee") return "Salarié(e)";
  if (pathway == "vae") return "Validation des acquis de l'expérience (VAE)";
  if (pathway == "job_seeker") return "Demandeur d'emploi";
  if (pathway == "other") return "Autre";
  return std::string(pathway);
}

}  // namespace cqpm::certificates
