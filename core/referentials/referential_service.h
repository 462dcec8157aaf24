#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/json_schema.h"
#include "domain/actor.h"
#include "referential_model/referential.h"
#include "referential_model/referential_cache.h"
#include "referentials/referential_blame.h"
#include "referentials/referential_records.h"
#include "referentials/referential_replica.h"
#include "store/database.h"
#include "store/referential_version_store.h"

namespace cqpm::referentials {

/// A referential that seeds version 1 of its CQPM when the store has none: the
/// composition root collects them from the plugins (so this module needs none).
struct ReferentialSeed {
  std::string id;                    ///< the CQPM ("qualite")
  std::string title;                 ///< for the tag message
  Poco::JSON::Object::Ptr document;  ///< schema-valid; source.document names the official text
};

/// Where a referential version is written. The referentials are a git history
/// (one folder per CQPM on refs/heads/main, one tag per published version, one
/// ref per proposal) whose authority is the database: each version's or
/// proposal's git objects and refs are stored in SQL in the same transaction as
/// its index row, and each instance's bare repository is a replica written from
/// them (ReferentialReplica). A publication is therefore all or nothing, and
/// every instance serves every version. Decisions on proposals are serialised
/// in-process by a mutex; across instances, by compare-and-swap on the refs.
/// Referentials are immutable per commit and cached. Thread-safe.
class ReferentialService {
 public:
  /// `final_states`: the workflow's final states (a file in one is not "open").
  ReferentialService(store::Database& db, Clock clock, std::string repository_path,
                     JsonSchema referential_schema, std::vector<std::string> final_states);

  /// Creates the repository if needed, adds to the SQL index every tagged
  /// version it lacks, and commits as version 1 the referential of each
  /// seed whose CQPM has none yet (its message names the source document).
  void bootstrap(const std::vector<ReferentialSeed>& seeds);

  /// The version in force (the latest published). Error{kNotFound}.
  store::ReferentialVersion current(const std::string& cqpm);
  /// The version `number`. Error{kNotFound}.
  store::ReferentialVersion version(const std::string& cqpm, std::int64_t number);
  /// The referential of `cqpm` at `commit` (cached; the object must not be modified).
  Poco::JSON::Object::Ptr referentialAt(const std::string& cqpm, const std::string& commit);
  /// The same referential read into records, parsed once per commit and kept in
  /// a bounded LRU cache shared by every thread. Error{kNotFound}; Error{kStorage}
  /// when the stored document is not a referential.
  std::shared_ptr<const referential_model::Referential> modelAt(const std::string& cqpm,
                                                                const std::string& commit);
  std::vector<store::ReferentialVersion> versions(const std::string& cqpm);

  /// The changes between two published versions. Error{kNotFound} for an unknown one.
  VersionDiff diff(const std::string& cqpm, std::int64_t from, std::int64_t to);
  /// For each bloc, competency and criterion of the version in force, the version that last changed it.
  std::vector<BlameEntry> blame(const std::string& cqpm);
  /// Files pinned to a version (only those not in a final state when `open_only`),
  /// counted by centre and state. Error{kNotFound} for an unknown version.
  PinnedFiles pinnedFiles(const std::string& cqpm, std::int64_t number, bool open_only);

  /// A GTP auditor proposes a new referential with a reason. Checked against
  /// the schema (Error{kInvalidField, "referential.<path>"}) and the
  /// referential's rules; must differ from the version in force. Committed on
  /// refs/proposals/<id>; the proposer's approval counts for their college.
  /// Returns the proposal as reviewed.
  /// `base_version`, when given, is the version the proposer edited: a stale one
  /// is Error{kConflict}, so a change published since is never silently undone.
  ProposalView propose(const domain::Actor& actor, const std::string& cqpm,
                       const Poco::JSON::Object::Ptr& referential, const std::string& reason,
                       std::optional<std::int64_t> base_version = std::nullopt);
  /// One approval per college (employer, employee); a second approval from the
  /// same person or the same college is Error{kConflict}. Both colleges: approved.
  ProposalView approve(const domain::Actor& actor, std::int64_t id);
  /// Any GTP auditor rejects an open or approved proposal, with a reason.
  ProposalView reject(const domain::Actor& actor, std::int64_t id, const std::string& reason);
  /// Publishes an approved proposal as the next version: a commit on main with
  /// the approvers in trailers, a tag, the SQL index. Files pinned earlier stay
  /// where they are. Error{kConflict} when another version was published since
  /// the proposal was made.
  ProposalView publish(const domain::Actor& actor, std::int64_t id);

  /// The proposal with its structured diff, its impact (open files pinned to
  /// its base version, by centre and state) and its approvals.
  ProposalView proposal(std::int64_t id);
  /// Proposals of `cqpm` (every CQPM when empty) in `state` (any when empty).
  std::vector<store::ReferentialProposal> proposals(const std::string& cqpm, const std::string& state);

  const std::string& repositoryPath() const { return replica_.path(); }
  /// For /readyz: brings the repository up to the database and checks that
  /// every indexed version's commit is there. Throws Error when one is not.
  void checkStore();
  /// `info/refs` of the repository for git's dumb protocol, as the database holds it.
  std::string infoRefs() { return replica_.infoRefs(); }

 private:
  void seedVersionOne(const ReferentialSeed& seed);
  void reconcileLegacyRepository();
  Poco::JSON::Object::Ptr parseReferential(const std::string& text, const std::string& where) const;
  store::ReferentialProposal requireProposal(std::int64_t id);

  store::Database& db_;
  Clock clock_;
  ReferentialReplica replica_;
  JsonSchema referential_schema_;
  std::vector<std::string> final_states_;
  std::mutex git_writer_;
  std::mutex cache_mutex_;
  std::map<std::string, Poco::JSON::Object::Ptr> cache_;  // "<cqpm>@<commit>", guarded by cache_mutex_
  referential_model::ReferentialCache models_{64};        // "<cqpm>@<commit>"
};

}  // namespace cqpm::referentials
