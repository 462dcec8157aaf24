#pragma once

#include <Poco/JSON/Object.h>

#include <vector>

#include "store/award_store.h"
#include "store/jury_decision_store.h"
#include "store/jury_store.h"

namespace cqpm::juries {

/// {id, centre: {id, name}, date, place, state, created_at, opened_at}
Poco::JSON::Object::Ptr sessionJson(const store::JurySessionRecord& session);

/// {user_id, display_name, college, company: {id, name} | null, present}
Poco::JSON::Object::Ptr memberJson(const store::JuryMemberRecord& member);

/// {id, session_id, file_id, outcome, blocs, proposal, overrides_proposal, reason,
///  members, abstentions, referential: {version, commit}, decided_by: {id, display_name},
///  decided_at, revoked, revocation: {by, at, reason} | null, awards: [{id, kind, verification_code}]}
Poco::JSON::Object::Ptr decisionJson(const store::JuryDecisionRecord& decision,
                                     const std::vector<store::AwardRecord>& awards);

/// The JSON text of a stored column, parsed (an object or an array).
Poco::Dynamic::Var parsedColumn(const std::string& text);

}  // namespace cqpm::juries
