#include "accrochage/holders_csv.h"

#include "accrochage/cdc_flux_xml.h"
#include "common/french_csv.h"
#include "domain/civil_status.h"

namespace cqpm::accrochage {

std::string renderHoldersCsv(const HolderReport& report) {
  const std::vector<std::string_view> header{"Identifiant technique",
                                             "Type",
                                             "Code RNCP",
                                             "Intitulé",
                                             "Date d'obtention",
                                             "Nom de naissance",
                                             "Prénom 1",
                                             "Prénom 2",
                                             "Autres prénoms",
                                             "Date de naissance",
                                             "Sexe",
                                             "Code INSEE du lieu de naissance",
                                             "Code pays de naissance",
                                             "Lieu de naissance",
                                             "Modalité d'accès",
                                             "Date d'inscription",
                                             "Centre",
                                             "Code de vérification",
                                             "URL de preuve",
                                             "À compléter"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : report.certifications) {
    const GivenNames names = splitGivenNames(line.given_names);
    std::string missing;
    for (const MissingFact fact : line.missing)
      missing += (missing.empty() ? "" : " ; ") + missingFactFrench(fact);
    rows.push_back({line.technical_id,
                    line.kind == "certificate" ? "CQPM" : "Bloc de compétences",
                    line.certification_code,
                    line.title,
                    line.decision_date,
                    line.family_name,
                    names.first,
                    names.second,
                    names.others,
                    line.birth_date,
                    line.sex,
                    line.birth_insee_code,
                    domain::birthCountryCode(line.birth_insee_code).value_or(""),
                    line.birth_place,
                    line.access_mode.value_or(""),
                    line.registered_on,
                    line.centre_name,
                    line.verification_code,
                    line.proof_url,
                    missing});
  }
  return renderFrenchCsv(header, rows);
}

}  // namespace cqpm::accrochage
