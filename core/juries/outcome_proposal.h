#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/candidate_file.h"
#include "juries/planned_modalities.h"
#include "plugins/plugin_rules.h"
#include "referential_model/referential.h"
#include "store/database.h"

namespace cqpm::juries {

/// A bloc of the referential a file is judged under. `index` is 1-based, as the
/// plugins number blocs.
struct BlocRef {
  int index = 0;
  std::string code;       ///< may be empty: some sources have no code yet
  std::string rncp_code;  ///< the bloc's code in the RNCP fiche, empty until the GTP records it
  std::string title;
  std::vector<std::string> competencies;       ///< competency numbers as text
  std::vector<std::string> competency_titles;  ///< in the same order
};

/// The blocs of a referential, in order.
std::vector<BlocRef> referentialBlocs(const referential_model::Referential& referential);

/// {index, code (null when missing), rncp_code (null when not recorded), title}
Poco::JSON::Object::Ptr blocJson(const BlocRef& bloc);

/// "BDC0208 — title", or the title alone when the bloc has no code.
std::string blocLabel(const std::string& code, const std::string& title);

/// A bloc the file holds from an earlier decision still in force (its carry-over confirmed).
struct CarriedOverBloc {
  BlocRef bloc;
  std::string decision_id;
  std::string decided_at;
};

/// One competency as the jury's validation starts from it.
struct ProposedCompetency {
  std::string number;
  std::string title;
  int bloc_index = 0;                       ///< 1-based
  std::string commission_result;            ///< the commission's signed result; empty when never graded
  bool carried_over = false;                ///< its bloc is carried over
  bool targeted = true;                     ///< its bloc is one the file registered for
  bool validated = false;                   ///< where the jury starts: carried over, or targeted and acquired
  std::optional<PlannedModality> modality;  ///< how the file's plan evaluates it, when planned
};

/// The plugin's proposal for a file, with what the jury's validation starts from.
struct OutcomeProposal {
  std::string outcome;  ///< certified | blocs_awarded | not_certified
  /// The whole CQPM when certified, the newly acquired blocs when blocs_awarded, none otherwise.
  std::vector<BlocRef> blocs;
  std::vector<CarriedOverBloc> carried_over;
  std::vector<int> targeted_blocs;             ///< the blocs registered for; empty: the whole CQPM
  std::map<std::string, std::string> results;  ///< the commission's results by competency number
  std::vector<ProposedCompetency> competencies;
  bool blocs_awardable = false;  ///< the CQPM is at the RNCP on the session's day
  referential_model::CertificationIdentity identity;
  std::optional<std::int64_t> referential_version;  ///< the file's pinned version
};

/// {number, title, bloc_index, commission_result (null when never graded), carried_over, targeted,
/// validated}: a competency as the proposal and the decision's validation both show it (no modality).
Poco::JSON::Object::Ptr competencyJson(const ProposedCompetency& competency);

/// The proposal as a decision freezes it (its proposal column) and as the API
/// shows it: {outcome, blocs: [blocJson], carried_over: [blocJson + decision_id,
/// decided_at], targeted_blocs, results: {"1": "acquired", ...}, competencies:
/// [{number, title, bloc_index, commission_result, carried_over, targeted,
/// validated, modality {id, label, exceptional, justification} | null}],
/// blocs_awardable, identity: {title, cqpm_number, rncp: {...}}, referential_version}.
Poco::JSON::Object::Ptr proposalJson(const OutcomeProposal& proposal);

/// What the jury is proposed for a file: the plugin's outcome from the
/// evaluation grid (results signed by two commission evaluators), with the
/// blocs whose carry-over the centre confirmed on the file (carry_over_service:
/// awarded to the same candidate for the same CQPM by a decision still in
/// force) counted as acquired, and the blocs the file did not register for
/// neither evaluated nor validated. Thread-safe (the plugin host is).
class OutcomeProposer {
 public:
  explicit OutcomeProposer(plugins::PluginRules& rules) : rules_(rules) {}

  /// The proposal (blocs are proposed only when the CQPM is at the RNCP on
  /// `session_date`). Runs on `sql` (a read or the decision's write).
  /// Error{kPluginFailed} when the plugin fails.
  OutcomeProposal propose(store::SqlSession& sql, const domain::CandidateFile& file,
                          const std::string& session_date);

  plugins::PluginRules& rules() { return rules_; }

 private:
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::juries
