#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One published version of a CQPM's referential, as indexed beside git.
struct ReferentialVersion {
  std::string cqpm;
  std::int64_t number = 0;
  std::string commit_id;
  std::string tag;
  std::string author_name;
  std::string author_email;
  std::string published_at;
  std::string reason;
  std::string approvers_json = "[]";  ///< [{name, email, college}]
};

/// A proposed change of a referential and its review.
struct ReferentialProposal {
  std::int64_t id = 0;
  std::string cqpm;
  std::int64_t base_version = 0;
  std::string base_commit;
  std::string proposal_commit;
  std::string git_ref;
  std::string proposer_id;
  std::string proposer_name;  ///< filled when read
  std::string reason;
  std::string state;  ///< open | approved | rejected | published
  std::string created_at;
  std::optional<std::string> decided_at;
  std::optional<std::string> decided_by;
  std::optional<std::string> rejection_reason;
  std::optional<std::int64_t> published_version;
};

/// An approval of a proposal by a GTP auditor of one college.
struct ProposalApproval {
  std::string user_id;
  std::string display_name;
  std::string email;
  std::string college;
  std::string approved_at;
};

/// How many files of one centre, in one state, are pinned to a version.
struct PinnedFileCount {
  std::string centre_id;
  std::string centre;  ///< the centre's name
  std::string state;
  std::int64_t count = 0;
};

/// The SQL index of referential versions, proposals and approvals.
namespace referential_version_store {

void insertVersion(SqlSession& sql, const ReferentialVersion& version);
/// Versions of a CQPM, oldest first.
std::vector<ReferentialVersion> listVersions(SqlSession& sql, const std::string& cqpm);
std::optional<ReferentialVersion> findVersion(SqlSession& sql, const std::string& cqpm, std::int64_t number);
std::optional<ReferentialVersion> latestVersion(SqlSession& sql, const std::string& cqpm);

/// The next proposal id (call inside the write transaction that inserts it).
std::int64_t nextProposalId(SqlSession& sql);
/// How many versions are indexed, all CQPMs together.
std::int64_t countVersions(SqlSession& sql);
/// The commit of every indexed version, all CQPMs together.
std::vector<std::string> allVersionCommits(SqlSession& sql);
void insertProposal(SqlSession& sql, const ReferentialProposal& proposal);
std::optional<ReferentialProposal> findProposal(SqlSession& sql, std::int64_t id);
/// Newest first; empty filters do not filter.
std::vector<ReferentialProposal> listProposals(SqlSession& sql, const std::string& cqpm,
                                               const std::string& state);
void updateProposalState(SqlSession& sql, const ReferentialProposal& proposal);

void insertApproval(SqlSession& sql, std::int64_t proposal_id, const std::string& user_id,
                    const std::string& college, const std::string& at);
std::vector<ProposalApproval> listApprovals(SqlSession& sql, std::int64_t proposal_id);

/// Files of `cqpm` pinned to version `number` (all, or only those in a non-final
/// state when `open_only`), counted per centre and state, ordered by centre name then state.
std::vector<PinnedFileCount> countPinnedFiles(SqlSession& sql, const std::string& cqpm, std::int64_t number,
                                              const std::vector<std::string>& final_states, bool open_only);

}  // namespace referential_version_store
}  // namespace cqpm::store
