#pragma once

#include <string_view>

#include "workflow/guard_registry.h"

namespace cqpm::juries {

/// Name of the guard that keeps certify, award_blocs and refuse_certification
/// behind the jury (workflows/candidate-file.json).
inline constexpr std::string_view kDecidedByJury = "decided_by_jury";

/// Registers decided_by_jury (kPayload): the file has a jury decision in force
/// and payload.decision_id names it. A decision is recorded and its transition
/// fired in ONE transaction (juries::DecisionService), so a decision in force on
/// a file still in deliberation exists only inside that transaction: firing
/// these transitions any other way (POST /files/{id}/transitions) is refused,
/// field "decision", details.message_fr. Refused too when no transaction is
/// given (GuardContext::sql null). Throws Error{kInvalidConfiguration} if the
/// name is already registered.
void registerJuryGuards(workflow::GuardRegistry& registry);

}  // namespace cqpm::juries
