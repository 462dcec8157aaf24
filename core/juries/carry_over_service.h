#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "domain/bloc_scope.h"
#include "juries/outcome_proposal.h"
#include "plugins/plugin_rules.h"
#include "store/candidate_file_store.h"
#include "store/database.h"
#include "workflow/workflow_contract.h"

namespace cqpm::juries {

/// The state in which a file's carry-over is confirmed: registered, before its
/// modalities are planned and agreed on what is left.
inline constexpr const char* kCarryOverState = workflow::states::kRegistered;

/// A bloc already awarded to the same person for the same CQPM by a decision in
/// force (not revoked, its session's results published), as offered to a later file.
struct OfferedBloc {
  BlocRef bloc;  ///< in the later file's referential
  std::string decision_id;
  std::string decided_at;
  std::string earlier_file_id;
  std::string earlier_birth_place;  ///< as the earlier file records it; empty: not recorded
  bool confirmed = false;           ///< the centre confirmed its carry-over on this file
};

/// A file's carry-over as its readers see it.
struct CarryOverView {
  store::CandidateFileView file;
  domain::BlocScope scope;
  std::vector<BlocRef> targeted;     ///< the blocs the file registered for (all of them: the whole CQPM)
  std::vector<OfferedBloc> offered;  ///< what earlier decisions in force award, confirmed or not
  bool editable = false;             ///< the actor may confirm now
};

/// Re-sitting: a later file of the same person (names and birth date) and CQPM
/// is offered the blocs earlier decisions in force awarded; the file's centre
/// confirms which carry over (each linked to its decision), and only the
/// missing competencies are then planned, evaluated and validated. Thread-safe.
class CarryOverService {
 public:
  CarryOverService(store::Database& db, Clock clock, plugins::PluginRules& rules)
      : db_(db), clock_(std::move(clock)), rules_(rules) {}

  /// Error{kNotFound} outside the actor's scope.
  CarryOverView get(const domain::Actor& actor, const std::string& file_id);

  /// Confirms exactly `blocs` (1-based indexes) as carried over; an empty list
  /// withdraws every carry-over. Errors in this order: kNotFound, kForbidden
  /// (not the centre's coordinator), kInvalidState (not registered),
  /// kVersionConflict "expected_version", kInvalidField "blocs[i]" (not offered,
  /// not targeted, or listed twice). The file's version moves on; the event
  /// "carry_over_confirmed" lists the blocs and their decisions.
  CarryOverView confirm(const domain::Actor& actor, const std::string& file_id, std::int64_t expected_version,
                        const std::vector<int>& blocs);

 private:
  CarryOverView viewOf(store::SqlSession& sql, const domain::Actor& actor, store::CandidateFileView file);

  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
};

/// Blocs of `referential` awarded to the file's candidate (same names and birth
/// date, and the same birth place when both files record one) for the same CQPM
/// by decisions in force on other files, in bloc order,
/// each with the first decision that awarded it. A bloc is the same across
/// referential versions when its code is, else when its title is.
std::vector<OfferedBloc> blocsAwardedEarlier(store::SqlSession& sql, const domain::CandidateFile& file,
                                             const std::vector<BlocRef>& blocs);

}  // namespace cqpm::juries
