#pragma once

#include <string>
#include <vector>

#include "workflow/workflow_definition.h"

// The ids of workflows/candidate-file.json that C++ code relies on. The
// workflow is data, but services act on particular states (a plan is edited
// while `registered`, a jury decides files `in_deliberation`) and fire
// particular transitions (a decision fires `certify`): those ids are named
// here, and only here, and checkWorkflowContract() stops start-up when the
// loaded definition no longer has them, naming the id, instead of letting five
// modules break silently when a state is renamed in the file.

namespace cqpm::workflow::states {
inline constexpr const char* kDraft = "draft";
inline constexpr const char* kRegistered = "registered";
inline constexpr const char* kModalitiesAgreed = "modalities_agreed";
inline constexpr const char* kEvidenceSubmitted = "evidence_submitted";
inline constexpr const char* kUnderEvaluation = "under_evaluation";
inline constexpr const char* kCompanyOpinion = "company_opinion";
inline constexpr const char* kReadyForJury = "ready_for_jury";
inline constexpr const char* kInDeliberation = "in_deliberation";
inline constexpr const char* kCertified = "certified";
inline constexpr const char* kBlocsAwarded = "blocs_awarded";
inline constexpr const char* kNotCertified = "not_certified";
inline constexpr const char* kWithdrawn = "withdrawn";
}  // namespace cqpm::workflow::states

namespace cqpm::workflow::transitions {
inline constexpr const char* kRegister = "register";
inline constexpr const char* kAgreeModalities = "agree_modalities";
inline constexpr const char* kSubmitEvidence = "submit_evidence";
inline constexpr const char* kStartEvaluation = "start_evaluation";
inline constexpr const char* kRequestCompanyOpinion = "request_company_opinion";
inline constexpr const char* kSendToJuryWithoutOpinion = "send_to_jury_without_opinion";
inline constexpr const char* kGiveCompanyOpinion = "give_company_opinion";
inline constexpr const char* kOpenDeliberation = "open_deliberation";
inline constexpr const char* kCertify = "certify";
inline constexpr const char* kAwardBlocs = "award_blocs";
inline constexpr const char* kRefuseCertification = "refuse_certification";
inline constexpr const char* kWithdraw = "withdraw";
}  // namespace cqpm::workflow::transitions

namespace cqpm::workflow {

/// A transition as C++ relies on it: it leaves `from` (among others), leads
/// to `to`, and checks at least `guards` (the file may add more).
struct ContractTransition {
  const char* id;
  const char* from;
  const char* to;
  std::vector<std::string> guards;
  bool pins_referential = false;
};

/// Every state id C++ relies on.
const std::vector<std::string>& contractStates();
/// Every transition C++ relies on, with what it relies on of each.
const std::vector<ContractTransition>& contractTransitions();
/// States C++ treats as final (a decided or withdrawn file is never moved again).
const std::vector<std::string>& contractFinalStates();

/// Checks `definition` against the contract above. Throws
/// Error{kInvalidConfiguration, "<source_name>: <what is missing>, which the
/// server relies on (core/workflow/workflow_contract.h)", "<path>"}, naming the
/// first id that is missing or changed (path "states", "transitions.<id>",
/// "transitions.<id>.to", "transitions.<id>.guards"...).
void checkWorkflowContract(const WorkflowDefinition& definition, const std::string& source_name);

}  // namespace cqpm::workflow
