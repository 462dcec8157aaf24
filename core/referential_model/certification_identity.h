#pragma once

#include <optional>
#include <string>

namespace cqpm::referential_model {

/// The RNCP fiche of a CQPM (France compétences), as the GTP records it in a
/// referential version. The seeds carry none of it: every member stays null
/// ("non renseigné") until the GTP fills it through a referential proposal.
struct RncpFiche {
  std::optional<std::string> number;              ///< "RNCP37854"
  std::optional<int> level;                       ///< 1..8 (the European qualifications framework)
  std::optional<std::string> registration_start;  ///< YYYY-MM-DD
  std::optional<std::string> registration_end;    ///< YYYY-MM-DD
  std::optional<bool> registered;                 ///< null: not said
};

/// What names a certification on everything printed: its title and CQPM
/// number (never the plugin's id), and its RNCP registration.
struct CertificationIdentity {
  std::string title;
  std::optional<std::string> cqpm_number;  ///< "MQ 2015 06 69 0334"
  RncpFiche rncp;
};

/// "Technicien de la qualité (CQPM n° MQ …)" or, without a number,
/// "Technicien de la qualité (CQPM, n° non renseigné)".
std::string printedName(const CertificationIdentity& identity);

/// True when blocs of competencies may be awarded on `date` (YYYY-MM-DD): the
/// referential says the CQPM is registered at the RNCP, and `date` falls within
/// its registration dates where they are given (the seeds: « pour les CQPM
/// inscrits au RNCP »). Pure.
bool blocsAwardable(const CertificationIdentity& identity, const std::string& date);

}  // namespace cqpm::referential_model
