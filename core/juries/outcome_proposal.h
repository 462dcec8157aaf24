#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "domain/candidate_file.h"
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

/// What the jury is proposed for a file: the plugin's outcome from the
/// evaluation grid (results signed by two commission evaluators), with the
/// blocs whose carry-over the centre confirmed on the file (carry_over_service:
/// awarded to the same candidate for the same CQPM by a decision still in
/// force) counted as acquired, and the blocs the file did not register for
/// neither evaluated nor validated. Thread-safe (the plugin host is).
class OutcomeProposer {
 public:
  explicit OutcomeProposer(plugins::PluginRules& rules) : rules_(rules) {}

  /// {outcome, blocs: [{index, code, title}] (the whole CQPM when certified, the
  /// newly acquired blocs when blocs_awarded, none otherwise), carried_over:
  /// [{index, code, title, decision_id, decided_at}], targeted_blocs: [indexes] (empty: the
  /// whole CQPM), results: {"1": "acquired", ...}, competencies: [{number, title, bloc_index,
  /// commission_result, carried_over, targeted, validated, modality {id, label, exceptional,
  /// justification} or null}] (what the jury's validation starts from), blocs_awardable (the
  /// CQPM is at the RNCP on `session_date`: otherwise no bloc is proposed),
  /// identity: {title, cqpm_number, rncp: {...}}, referential_version}. Runs on `sql` (a read or the
  /// decision's write). Error{kPluginFailed} when the plugin fails.
  Poco::JSON::Object::Ptr propose(store::SqlSession& sql, const domain::CandidateFile& file,
                                  const std::string& session_date);

  plugins::PluginRules& rules() { return rules_; }

 private:
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::juries
