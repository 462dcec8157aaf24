#include "workflow/workflow_contract.h"

#include <algorithm>

#include "common/error.h"

namespace cqpm::workflow {

const std::vector<std::string>& contractStates() {
  static const std::vector<std::string> kStates{states::kDraft,
                                                states::kRegistered,
                                                states::kModalitiesAgreed,
                                                states::kEvidenceSubmitted,
                                                states::kUnderEvaluation,
                                                states::kCompanyOpinion,
                                                states::kReadyForJury,
                                                states::kInDeliberation,
                                                states::kCertified,
                                                states::kBlocsAwarded,
                                                states::kNotCertified,
                                                states::kWithdrawn};
  return kStates;
}

const std::vector<std::string>& contractFinalStates() {
  static const std::vector<std::string> kFinal{states::kCertified, states::kBlocsAwarded,
                                               states::kNotCertified, states::kWithdrawn};
  return kFinal;
}

const std::vector<ContractTransition>& contractTransitions() {
  using namespace transitions;
  // The guards listed are those a service counts on having run: a decision
  // record behind every jury outcome, a signed opinion behind
  // give_company_opinion, an accepted plan behind agree_modalities.
  static const std::vector<ContractTransition> kTransitions{
      {kRegister, states::kDraft, states::kRegistered, {"registration_accepted"}, true},
      {kAgreeModalities, states::kRegistered, states::kModalitiesAgreed, {"modality_plan_accepted"}},
      {kSubmitEvidence, states::kModalitiesAgreed, states::kEvidenceSubmitted, {"evidence_complete"}},
      {kStartEvaluation, states::kEvidenceSubmitted, states::kUnderEvaluation, {}},
      {kRequestCompanyOpinion, states::kUnderEvaluation, states::kCompanyOpinion, {"evaluation_complete"}},
      {kSendToJuryWithoutOpinion, states::kUnderEvaluation, states::kReadyForJury, {"evaluation_complete"}},
      {kGiveCompanyOpinion, states::kCompanyOpinion, states::kReadyForJury, {"company_opinion_signed"}},
      {kOpenDeliberation, states::kReadyForJury, states::kInDeliberation, {}},
      {kCertify, states::kInDeliberation, states::kCertified, {"decided_by_jury"}},
      {kAwardBlocs, states::kInDeliberation, states::kBlocsAwarded, {"decided_by_jury"}},
      {kRefuseCertification, states::kInDeliberation, states::kNotCertified, {"decided_by_jury"}},
      {kWithdraw, states::kRegistered, states::kWithdrawn, {"reason_given"}},
  };
  return kTransitions;
}

namespace {

[[noreturn]] void broken(const std::string& source_name, const std::string& path, const std::string& what) {
  throw Error(ErrorCode::kInvalidConfiguration,
              source_name + ": " + what + ", which the server relies on (core/workflow/workflow_contract.h)",
              path);
}

std::string quoted(const std::string& id) { return "\"" + id + "\""; }

}  // namespace

void checkWorkflowContract(const WorkflowDefinition& definition, const std::string& source_name) {
  for (const std::string& state : contractStates()) {
    if (!definition.findState(state)) broken(source_name, "states", "no state " + quoted(state));
  }
  for (const std::string& state : contractFinalStates()) {
    if (!definition.isFinal(state)) broken(source_name, "states", "state " + quoted(state) + " is not final");
  }
  for (const ContractTransition& expected : contractTransitions()) {
    const std::string id = expected.id;
    const std::string path = "transitions." + id;
    const TransitionDefinition* found = definition.findTransition(id);
    if (!found) broken(source_name, path, "no transition " + quoted(id));
    if (!found->leavesFrom(expected.from)) {
      broken(source_name, path + ".from",
             "transition " + quoted(id) + " does not leave " + quoted(expected.from));
    }
    if (found->to != expected.to) {
      broken(source_name, path + ".to",
             "transition " + quoted(id) + " leads to " + quoted(found->to) + " instead of " +
                 quoted(expected.to));
    }
    for (const std::string& guard : expected.guards) {
      if (std::find(found->guards.begin(), found->guards.end(), guard) == found->guards.end()) {
        broken(source_name, path + ".guards",
               "transition " + quoted(id) + " does not check " + quoted(guard));
      }
    }
    if (expected.pins_referential && !found->pins_referential) {
      broken(source_name, path + ".pins_referential",
             "transition " + quoted(id) + " does not pin the referential version");
    }
  }
}

}  // namespace cqpm::workflow
