#pragma once

#include <optional>
#include <string>
#include <vector>

#include "juries/jury_bench.h"
#include "juries/outcome_proposal.h"
#include "store/award_store.h"
#include "store/candidate_file_store.h"
#include "store/jury_closing_store.h"
#include "store/jury_decision_store.h"
#include "store/jury_store.h"

// What the jury services answer: typed records, shaped into JSON only by
// core/http/jury_presenters.h. Plain values, copied freely.

namespace cqpm::juries {

/// A decision as recorded, with the awards its publication issued (none before).
/// The JSON columns of `decision` (blocs, proposal, members, abstentions,
/// competencies) are what the decision froze; they are shown as stored.
struct DecisionView {
  store::JuryDecisionRecord decision;
  std::vector<store::AwardRecord> awards;
};

/// The plugin's proposal for one file of a session (OutcomeProposer::propose).
struct FileProposal {
  std::string session_id;
  std::string file_id;
  OutcomeProposal proposal;
};

/// One file on a session's agenda, as the session's reader sees it.
struct SessionFile {
  store::CandidateFileView file;
  std::string cqpm_title;                ///< the pinned referential's title, or the CQPM id when unknown
  Bench bench;                           ///< who deliberates, who abstains, which colleges lack
  std::optional<DecisionView> decision;  ///< this session's latest decision on the file
  /// The proposal while the file is in deliberation, unless the reader is a member
  /// from the candidate's company or the plugin failed.
  std::optional<OutcomeProposal> proposal;
  std::optional<std::string> proposal_error;  ///< the plugin's failure, when it failed
};

/// A jury member account of the centre the coordinator may still invite.
struct InvitableMember {
  std::string user_id;
  std::string display_name;
  std::string college;  ///< employer | employee
};

/// A session with everything its page shows. Every write of the session
/// services answers this, read after the write.
struct JurySessionView {
  store::JurySessionRecord session;
  std::vector<store::JuryMemberRecord> members;
  std::vector<std::string> missing_colleges;         ///< colleges with no present member (kColleges order)
  std::vector<SessionFile> files;                    ///< files withdrawn from the store are left out
  std::optional<store::JuryMemberRecord> president;  ///< the designated president, when one is
  std::vector<store::JurySignatureRecord> signatures;
  std::vector<store::JuryErratumRecord> errata;
  /// For the centre's coordinator only (absent for members and the GTP).
  std::optional<std::vector<InvitableMember>> available_members;
};

}  // namespace cqpm::juries
