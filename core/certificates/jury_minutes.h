#pragma once

#include <string>
#include <vector>

namespace cqpm::certificates {

/// One member of a paritary jury session as the minutes list them.
struct MinutesMember {
  std::string name;
  std::string college;  // "employer" | "employee"
  std::string organisation;
  bool present = false;
};

/// One file's decision as the minutes record it.
struct MinutesDecision {
  std::string candidate_name;
  std::string candidate_birth_date;  // YYYY-MM-DD
  std::string cqpm_number;
  std::string cqpm_title;
  std::string outcome;              // "certified" | "blocs_awarded" | "not_certified"
  std::vector<std::string> blocs;   // each "BDC0208 — La réalisation ..." (code may be absent: title only)
  int referential_version = 0;      // the file's pinned version
  bool overrides_proposal = false;  // the jury did not follow the plugin's proposal...
  std::string reason;               // ...and wrote this reason
  std::vector<std::string> abstained;  // members who could not deliberate on this file (conflict of interest)
  /// The jury's validation, competency by competency (empty for decisions recorded before it).
  struct Competency {
    std::string label;  // "4 — Analyser les écarts..."
    bool validated = false;
    bool departs = false;       // judged otherwise than the commission...
    std::string reason;         // ...for this reason
    bool carried_over = false;  // its bloc was held from an earlier decision
    bool targeted = true;       // its bloc is one the file registered for
  };
  std::vector<Competency> competencies;
  std::string pathway;  // "Salarié(e)", "VAE", ... (French, as printed)
  std::vector<std::string>
      modalities;  // the evaluation modalities the plan used, as the referential names them
  std::string
      company_opinion;  // a French summary: signed when and by whom, with its text; or why there is none
  /// Competencies evaluated in an exceptional modality, each with the plan's justification:
  /// "3 — Réaliser ... : situation professionnelle reconstituée. Justification : ...".
  std::vector<std::string> exceptional_modalities;
  std::string vae_admissibility;  // a VAE file: the admissibility decision in force, in one line
  std::vector<std::string>
      targeted_blocs;                 // a file registered for some blocs only: those blocs; empty: the CQPM
  std::string candidate_birth_place;  // empty: not recorded
  std::string referential_commit;     // the commit of that version; empty: not recorded
  std::string seal;                   // juries::decisionSeal of the decision
};

/// Everything the procès-verbal of one jury session shows.
struct MinutesData {
  std::string session_id;
  std::string centre_name;
  std::string session_date;  // YYYY-MM-DD
  std::string session_time;  // HH:MM, Paris time; empty for sessions convened before it was recorded
  std::string place;
  std::vector<MinutesMember> members;
  std::vector<MinutesDecision> decisions;
  std::string president;                // the member who closed the session, or empty
  std::vector<std::string> signatures;  // "Name (collège employeurs), le 02/12/2026 à 10 h 15"
  std::vector<std::string> errata;      // "02/12/2026 à 11 h 00, Name : text"
  std::string closed_at;                // as printed ("02/12/2026 à 10 h 05"), or empty
  std::string published_at;             // as printed, or empty
  std::string generated_at;             // as printed, Paris time ("02/12/2026 à 10 h 05")
  std::string generated_iso;            // the same instant in ISO 8601, for the PDF's metadata
};

/// The procès-verbal of a jury session as PDF bytes (A4 portrait, French, fonts embedded, archival
/// metadata), with pages broken as the decisions need; names in any script print as written.
/// Pure function, thread-safe. Throws Error{kInternal} if cairo or qpdf fails.
std::string renderMinutesPdf(const MinutesData& minutes);

}  // namespace cqpm::certificates
