#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <vector>

#include "referentials/referential_diff.h"
#include "store/referential_version_store.h"

// What the referential service answers, as records; http/referential_presenters
// shapes them into the API's JSON.

namespace cqpm::referentials {

/// The changes between two published versions of a CQPM's referential.
struct VersionDiff {
  std::string cqpm;
  store::ReferentialVersion from;
  store::ReferentialVersion to;
  std::vector<Change> changes;  ///< in document order (diffReferentials)
};

/// Files pinned to one version, counted by centre and state.
struct PinnedFiles {
  std::string cqpm;
  std::int64_t version = 0;
  std::int64_t total = 0;
  std::vector<store::PinnedFileCount> by_centre_and_state;  ///< ordered by centre name, then state
};

/// A proposal as the GTP reviews it: the proposal, who approved it, what it
/// changes from its base version, the proposed referential and its impact.
struct ProposalView {
  store::ReferentialProposal proposal;
  std::vector<store::ProposalApproval> approvals;  ///< in the order given
  std::vector<Change> changes;                     ///< from the base version to the proposal
  /// The proposed referential document, as stored (shared with the cache: never modified).
  Poco::JSON::Object::Ptr referential;
  PinnedFiles impact;  ///< open files pinned to the base version
};

}  // namespace cqpm::referentials
