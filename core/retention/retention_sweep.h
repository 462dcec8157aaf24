#pragma once

#include <Poco/Timestamp.h>

#include <cstdint>
#include <string>
#include <vector>

#include "retention/retention_policy.h"
#include "store/database.h"

namespace cqpm::retention {

/// What one round of the retention policy did.
struct RetentionRound {
  std::int64_t files_with_documents_purged = 0;
  std::int64_t document_versions_purged = 0;
  std::int64_t files_anonymised = 0;
  std::int64_t event_payloads_erased = 0;
};

/// Applies the retention policy (run by the scheduler): documents of files closed longer ago than
/// the policy says lose their bytes, candidates of files closed without a certification longer ago
/// lose their identity. Each file in its own transaction, at most `batch` files of each kind per
/// round, each act written to the administration log (its target the file, never the person's name).
/// The file's hash chain stays verifiable (it covers the payloads' hashes, migration 0031).
/// Thread-safe: it holds nothing that changes.
class RetentionSweep {
 public:
  RetentionSweep(store::Database& db, RetentionPolicy policy, std::vector<std::string> final_states,
                 std::vector<std::string> unsuccessful_states, int batch = 200)
      : db_(db),
        policy_(policy),
        final_states_(std::move(final_states)),
        unsuccessful_states_(std::move(unsuccessful_states)),
        batch_(batch) {}

  RetentionRound runOnce(const Poco::Timestamp& now);

 private:
  store::Database& db_;
  RetentionPolicy policy_;
  std::vector<std::string> final_states_;
  std::vector<std::string> unsuccessful_states_;
  int batch_;
};

/// The instant `years` calendar years before `now` (29 February gives 28 February).
Poco::Timestamp yearsBefore(const Poco::Timestamp& now, int years);

}  // namespace cqpm::retention
