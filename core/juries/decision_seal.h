#pragma once

#include <string>

#include "store/jury_decision_store.h"

namespace cqpm::juries {

/// The SHA-256 (lower-case hex) sealing what a jury decided on a file: the decision's id, session,
/// file, CQPM, outcome, blocs, the proposal the jury saw and whether it overrode it with which
/// reason, the members and abstentions, the competencies as validated, the referential version and
/// commit, who recorded it and when. Printed on the certificate and the minutes and answered by the
/// public verification, so that anyone holding the decision record (an audit bundle's
/// decisions.json) can recompute it. A revocation, recorded later, is not part of it. Pure.
std::string decisionSeal(const store::JuryDecisionRecord& decision);

}  // namespace cqpm::juries
