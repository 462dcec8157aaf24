#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cqpm::domain {

/// Pathways to a CQPM. VAE files have no company and skip the company opinion.
enum class Pathway { kEmployee, kVae, kJobSeeker, kOther };

std::string_view pathwayName(Pathway pathway);  ///< "employee" | "vae" | "job_seeker" | "other"
std::optional<Pathway> parsePathway(std::string_view name);

/// The candidate as recorded on a file.
struct Candidate {
  std::string given_name;
  std::string family_name;
  std::string email;
  std::string birth_date;   ///< ISO date YYYY-MM-DD
  std::string birth_place;  ///< town (and country abroad) as the candidate writes it; empty: not recorded
  /// The civil status the Caisse des Dépôts matches a holder on (accrochage/): empty, not recorded.
  std::string sex;               ///< "F" | "M", as on the civil status
  std::string birth_insee_code;  ///< the birth commune's INSEE code ("69123", "2A004"); abroad "99" + country
};

/// One candidate file (dossier) as stored. The workflow engine and guards read
/// it; only the transition service writes state and version.
struct CandidateFile {
  std::string id;
  std::string centre_id;
  std::optional<std::string> company_id;         ///< absent for VAE
  std::optional<std::string> candidate_user_id;  ///< the candidate's account, when one exists
  std::string cqpm;
  Pathway pathway = Pathway::kEmployee;
  Candidate candidate;
  std::string registration_json = "{}";  ///< CQPM-specific fields (material family, habilitations...)
  /// The blocs targeted and carried over (domain/bloc_scope.h); "{}": the whole CQPM.
  std::string bloc_scope_json = "{}";
  std::optional<std::string> modality_plan_json;    ///< the evaluation plan per competency, once proposed
  std::optional<std::int64_t> referential_version;  ///< pinned at registration
  std::optional<std::string> referential_commit;    ///< the git commit of that version
  std::string state;
  std::int64_t version = 1;
  std::string created_at;  ///< ISO-8601 UTC
  std::string updated_at;
};

}  // namespace cqpm::domain
