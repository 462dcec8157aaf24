#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "referentials/referential_blame.h"
#include "referentials/referential_records.h"

// The API's JSON for referential versions, diffs, blame and proposals
// (schemas/openapi.yaml: ReferentialVersion, ReferentialDiff, Proposal...).

namespace cqpm::http {

/// {version, commit, tag, author, email, published_at, reason, approvers: [{name, email, college}]}.
Poco::JSON::Object::Ptr versionJson(const store::ReferentialVersion& version);
/// Each change with every member of Change, in that order (absent optionals and empty group are null).
Poco::JSON::Array::Ptr changesToJson(const std::vector<referentials::Change>& changes);
/// Each entry with every member of BlameEntry, in that order (index -1 and
/// competency 0 as null, empty group as null, a null code's text as null).
Poco::JSON::Array::Ptr blameToJson(const std::vector<referentials::BlameEntry>& entries);
/// {cqpm, from: version, to: version, changes}.
Poco::JSON::Object::Ptr diffJson(const referentials::VersionDiff& diff);
/// {cqpm, version, total, by_state: {state: count}, by_centre_and_state: [{centre_id, centre, state,
/// count}]}.
Poco::JSON::Object::Ptr pinnedFilesJson(const referentials::PinnedFiles& pinned);
/// A proposal in a list: {id, cqpm, state, reason, base_version, base_commit, commit, ref,
/// proposer: {id, display_name}, created_at, decided_at, rejection_reason, published_version}.
Poco::JSON::Object::Ptr proposalSummaryJson(const store::ReferentialProposal& proposal);
/// The summary plus approvals, colleges {college: name}, changes, referential and impact.
Poco::JSON::Object::Ptr proposalJson(const referentials::ProposalView& view);

}  // namespace cqpm::http
