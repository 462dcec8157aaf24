#pragma once

#include <optional>
#include <string>
#include <vector>

// The holders a certifier reports to the Caisse des Dépôts' « Accrochage »
// service (the national training account system, issue 16, item 6), as typed
// records; shaped into the CDC's XML flux (cdc_flux_xml.h), a French CSV
// (holders_csv.h) or JSON (http/accrochage_presenters.h).

namespace cqpm::accrochage {

/// The certifier as the Caisse des Dépôts knows it (cqpm.accrochage.*, app/settings.cpp).
struct CertifierIdentity {
  std::string client_id;    ///< its client number, 8 characters; empty: not configured
  std::string contract_id;  ///< its certification contract, at most 20 characters; empty: not configured
};

/// What keeps a holder out of the flux until someone completes it.
enum class MissingFact {
  kSex,                ///< the file records no sex (candidate.sex)
  kBirthInseeCode,     ///< the file records no INSEE code of the birth place
  kCertificationCode,  ///< the referential records no RNCP number (or no RNCP code for the bloc)
  kName,               ///< the family or given name is empty or longer than the flux allows
};

/// "sex", "birth_insee_code", "certification_code", "name".
std::string missingFactName(MissingFact fact);
/// What a French reader is told: « sexe non renseigné »...
std::string missingFactFrench(MissingFact fact);

/// One certification obtained: a whole CQPM (a certificate) or one bloc of an attestation.
struct ReportedCertification {
  std::string technical_id;        ///< stable across exports: the award's id, "#<bloc>" for a bloc
  std::string kind;                ///< "certificate" | "bloc"
  std::string certification_code;  ///< "RNCP37854", "RNCP37854BC02"; empty: not recorded
  std::string title;               ///< the CQPM's title, or the bloc's
  std::string award_id;
  std::string verification_code;
  std::string proof_url;      ///< the public verification page of the award
  std::string decision_date;  ///< YYYY-MM-DD: the jury session's day, when the certification is valid from
  std::string file_id;
  std::string centre_name;
  std::string registered_on;               ///< YYYY-MM-DD (Paris): the file's creation
  std::optional<std::string> access_mode;  ///< the flux's modaliteAcces when the file says it (VAE)
  std::string family_name;
  std::string given_names;
  std::string birth_date;  ///< YYYY-MM-DD
  std::string birth_place;
  std::string sex;                   ///< "F" | "M"; empty: not recorded
  std::string birth_insee_code;      ///< domain/civil_status.h; empty: not recorded
  std::vector<MissingFact> missing;  ///< empty: reportable
};

/// The certifications of a period (the jury sessions' days), by day, then by award.
struct HolderReport {
  std::string from, to;  ///< YYYY-MM-DD, inclusive
  CertifierIdentity certifier;
  std::vector<ReportedCertification> certifications;
};

}  // namespace cqpm::accrochage
