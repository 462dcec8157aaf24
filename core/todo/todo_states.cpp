#include "todo/todo_states.h"

#include <algorithm>

#include "access/policy.h"
#include "workflow/workflow_contract.h"

namespace cqpm::todo {

namespace tr = workflow::transitions;
using domain::Role;

store::StateSet statesWhere(const workflow::WorkflowDefinition& workflow, Role role, const char* transition) {
  const auto* found = workflow.findTransition(transition);
  if (found == nullptr || !found->allowsRole(role)) return {};
  return found->from;
}

namespace {

store::StateSet unionOf(store::StateSet a, const store::StateSet& b) {
  for (const auto& state : b) {
    if (std::find(a.begin(), a.end(), state) == a.end()) a.push_back(state);
  }
  return a;
}

}  // namespace

store::CoordinatorStates coordinatorStates(const workflow::WorkflowDefinition& workflow) {
  const Role role = Role::kCentreCoordinator;
  store::CoordinatorStates states;
  states.to_register = statesWhere(workflow, role, tr::kRegister);
  states.to_agree = statesWhere(workflow, role, tr::kAgreeModalities);
  if (access::allows(role, access::Permission::kFormCommission)) {
    states.to_start_evaluation = statesWhere(workflow, role, tr::kStartEvaluation);
    states.to_request_opinion = statesWhere(workflow, role, tr::kRequestCompanyOpinion);
    states.to_send_without_opinion = statesWhere(workflow, role, tr::kSendToJuryWithoutOpinion);
  }
  states.awaiting_opinion = statesWhere(workflow, role, tr::kGiveCompanyOpinion);
  if (access::allows(role, access::Permission::kConveneJury))
    states.awaiting_jury = statesWhere(workflow, role, tr::kOpenDeliberation);
  // Every open file whose report deadline passed, as the dashboard's overdue filter counts them.
  if (access::allows(role, access::Permission::kSetDeadlines)) states.awaiting_report = openStates(workflow);
  return states;
}

store::TutorStates tutorStates(const workflow::WorkflowDefinition& workflow) {
  const Role role = Role::kCompanyTutor;
  store::TutorStates states;
  if (access::allows(role, access::Permission::kUploadDocuments))
    states.awaiting_report = statesWhere(workflow, role, tr::kSubmitEvidence);
  if (access::allows(role, access::Permission::kGiveCompanyOpinion))
    states.awaiting_opinion = statesWhere(workflow, role, tr::kGiveCompanyOpinion);
  return states;
}

store::EvaluatorStates evaluatorStates(const workflow::WorkflowDefinition& workflow) {
  const Role role = Role::kEvaluator;
  store::EvaluatorStates states;
  states.to_start_evaluation = statesWhere(workflow, role, tr::kStartEvaluation);
  if (access::allows(role, access::Permission::kEvaluate)) {
    states.evaluating = unionOf(statesWhere(workflow, role, tr::kRequestCompanyOpinion),
                                statesWhere(workflow, role, tr::kSendToJuryWithoutOpinion));
  }
  return states;
}

store::StateSet openStates(const workflow::WorkflowDefinition& workflow) {
  store::StateSet states;
  for (const auto& state : workflow.states()) {
    if (!state.final) states.push_back(state.id);
  }
  return states;
}

const workflow::TransitionDefinition* nextStep(const workflow::WorkflowDefinition& workflow,
                                               const std::string& state) {
  for (const auto* transition : workflow.transitionsFrom(state)) {
    if (transition->id != tr::kWithdraw) return transition;
  }
  return nullptr;
}

}  // namespace cqpm::todo
