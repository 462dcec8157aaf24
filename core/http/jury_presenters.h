#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "juries/jury_records.h"

// JSON shapes of the jury API (schemas/openapi.yaml): what the jury services'
// records look like on the wire, in one place.

namespace cqpm::http {

/// {id, centre: {id, name}, date, time, place, state, created_at, opened_at, closed_at,
/// published_at}: a session as listed.
Poco::JSON::Object::Ptr jurySessionJson(const store::JurySessionRecord& session);

/// [jurySessionJson]
Poco::JSON::Array::Ptr jurySessionsJson(const std::vector<store::JurySessionRecord>& sessions);

/// {user_id, display_name, college, company: {id, name} | null, present}
Poco::JSON::Object::Ptr juryMemberJson(const store::JuryMemberRecord& member);

/// A session with its page: jurySessionJson plus members, missing_colleges, files
/// ([{id, candidate, cqpm, pathway, company, state, version, referential_version,
/// abstaining, quorum {met, missing_colleges}, decision, proposal, proposal_error?}]),
/// president {user_id, display_name} | null, signatures, errata, available_members
/// (coordinator only).
Poco::JSON::Object::Ptr jurySessionViewJson(const juries::JurySessionView& view);

/// {id, session_id, file_id, cqpm, outcome, blocs, proposal, overrides_proposal, reason,
///  members, abstentions, competencies, referential: {version, commit}, decided_by: {id,
///  display_name}, decided_at, revoked, revocation: {by, at, reason} | null,
///  awards: [{id, kind, verification_code}]}
Poco::JSON::Object::Ptr juryDecisionJson(const juries::DecisionView& view);

/// [juryDecisionJson]
Poco::JSON::Array::Ptr juryDecisionsJson(const std::vector<juries::DecisionView>& views);

/// The proposer's answer with the file_id and session_id it is about.
Poco::JSON::Object::Ptr fileProposalJson(const juries::FileProposal& proposal);

}  // namespace cqpm::http
