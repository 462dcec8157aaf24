#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "files/transition_service.h"
#include "juries/competency_validation.h"
#include "juries/jury_records.h"
#include "juries/outcome_proposal.h"
#include "store/database.h"

namespace cqpm::juries {

/// What the jury decides for one file: its validation of the competencies
/// (those not listed keep the commission's result). The outcome follows from
/// it; an outcome (and blocs) given too must be the one it supports.
struct DecisionRequest {
  std::vector<CompetencyVerdict> competencies;
  std::optional<std::string> outcome;     ///< certified | blocs_awarded | not_certified
  std::optional<std::vector<int>> blocs;  ///< bloc indexes (1-based), for blocs_awarded only
  std::string reason;  ///< required when the outcome departs from the plugin's proposal for another
                       ///< reason than competencies the jury judged otherwise than the commission
};

/// The jury's decisions. Who decides: a member of the session who is present
/// and free of a conflict of interest on the file, or the centre's coordinator
/// recording the jury's decision as its secretary; in both cases the session is
/// open and the file's own quorum is met (a present, non-conflicted member of
/// each college). A decision is recorded for the jury and the centre; it takes
/// effect (the file moves, the award is issued) when the coordinator publishes
/// the session's results (JurySessionService::publish, decision_effects.h).
/// Thread-safe.
class DecisionService {
 public:
  DecisionService(store::Database& db, Clock clock, OutcomeProposer& proposer)
      : db_(db), clock_(std::move(clock)), proposer_(proposer) {}

  /// The plugin's proposal for a file of the session (OutcomeProposer::propose).
  /// Error{kNotFound} outside the session; Error{kForbidden, "conflict_of_interest"}
  /// for a member from the candidate's company.
  FileProposal proposal(const domain::Actor& actor, const std::string& session_id,
                        const std::string& file_id);

  /// Records the decision (read back, without awards yet). Errors: kInvalidField "outcome" /
  /// "blocs" / "competencies[i].number"; kUnprocessable "competencies[i].reason"
  /// (a departure from the commission without a reason), "outcome" / "blocs"
  /// (not what the validated competencies support, details.competency),
  /// "reason" when it departs from the proposal without a reason (details.proposal); kForbidden
  /// "conflict_of_interest" or "present"; kInvalidState "session" (not open), "quorum" (the file's bench
  /// lacks a college; names the file), "file_id" (not in deliberation); kConflict "file_id" when already
  /// decided.
  DecisionView decide(const domain::Actor& actor, const std::string& session_id, const std::string& file_id,
                      const DecisionRequest& request);

  /// Revokes a decision (the coordinator of the file's centre), with a reason:
  /// the decision is kept and marked, its awards verify as revoked, the file gets
  /// a "decision_revoked" event and keeps its state (final states have no way
  /// out in the workflow). While the session is open the jury may then decide
  /// again; once it is closed (minutes signed) and until its results are
  /// published, kInvalidState "decision". Errors: kNotFound, kForbidden,
  /// kInvalidField "reason", kConflict "decision" when already revoked. Answers the decision as revoked.
  DecisionView revoke(const domain::Actor& actor, const std::string& decision_id, const std::string& reason);

  /// The file's decisions (revoked ones included) with their awards, for its readers;
  /// candidates and companies see those of published sessions only.
  std::vector<DecisionView> forFile(const domain::Actor& actor, const std::string& file_id);

 private:
  store::Database& db_;
  Clock clock_;
  OutcomeProposer& proposer_;
};

}  // namespace cqpm::juries
