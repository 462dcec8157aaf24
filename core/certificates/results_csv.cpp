#include "certificates/results_csv.h"

#include "common/french_csv.h"

namespace cqpm::certificates {

std::string renderResultsCsv(const std::vector<ResultRow>& rows) {
  std::vector<std::vector<std::string>> lines;
  lines.reserve(rows.size());
  for (const ResultRow& row : rows) {
    lines.push_back({row.family_name, row.given_name, row.birth_date, row.cqpm_number, row.cqpm_title,
                     row.outcome_fr, row.blocs, row.referential_version, row.decided_at,
                     row.verification_code});
  }
  return renderFrenchCsv({"Nom", "Prénom", "Date de naissance", "N° CQPM", "Intitulé", "Décision", "Blocs",
                          "Version du référentiel", "Date de la session", "Code de vérification"},
                         lines);
}

}  // namespace cqpm::certificates
