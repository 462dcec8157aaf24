#pragma once

#include <string>
#include <string_view>

namespace cqpm::certificates {

/// The French wording of a jury outcome as the minutes and the results export print it:
/// "certified" → "CQPM délivré", "blocs_awarded" → "Blocs de compétences validés",
/// "not_certified" → "CQPM non délivré". Throws Error{kInvalidField, field_name} for anything else.
std::string outcomeLabelFr(std::string_view outcome, const std::string& field_name = "outcome");

/// "employer" → "collège employeurs", "employee" → "collège salariés"; anything else unchanged.
std::string collegeLabelFr(std::string_view college);

/// "Salarié(e)", "Validation des acquis de l'expérience (VAE)", "Demandeur d'emploi", "Autre":
/// a pathway as printed; an unknown name unchanged.
std::string pathwayLabelFr(std::string_view pathway);

}  // namespace cqpm::certificates
