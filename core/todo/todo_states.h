#pragma once

#include "domain/role.h"
#include "store/todo_store.h"
#include "workflow/workflow_definition.h"

namespace cqpm::todo {

// Where each role must act, read from the loaded workflow: a to-do is tied to
// the transition that moves the file on (workflow_contract.h names them), and
// looks for files in the states that transition leaves, only when the
// definition lets the role fire it. Renaming a state or taking a role off a
// transition in workflows/candidate-file.json changes the lists with it.

/// The states a transition leaves when `role` may fire it; empty otherwise (or
/// when the definition has no such transition).
store::StateSet statesWhere(const workflow::WorkflowDefinition& workflow, domain::Role role,
                            const char* transition);

store::CoordinatorStates coordinatorStates(const workflow::WorkflowDefinition& workflow);
store::TutorStates tutorStates(const workflow::WorkflowDefinition& workflow);
store::EvaluatorStates evaluatorStates(const workflow::WorkflowDefinition& workflow);
/// Every state that is not final: a candidate's file still moving.
store::StateSet openStates(const workflow::WorkflowDefinition& workflow);

/// The transition that moves a file on from `state` (the first the definition
/// lists, withdrawal aside), or null in a final state: the candidate's next step.
const workflow::TransitionDefinition* nextStep(const workflow::WorkflowDefinition& workflow,
                                               const std::string& state);

}  // namespace cqpm::todo
