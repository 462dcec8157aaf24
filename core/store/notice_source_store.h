#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A "commission_assigned" event of the file log: who evaluates the file from then on.
struct CommissionAssignment {
  std::string file_id;
  std::int64_t seq = 0;
  std::string at;
  std::string payload_json;  ///< {"evaluators": [user ids]}
  std::string candidate_name;
  std::string cqpm;
};

/// A GTP approval of a referential proposal still open (one college approved so far).
struct OpenProposalApproval {
  std::int64_t proposal_id = 0;
  std::string cqpm;
  std::string college;  ///< the college that approved
  std::string approved_at;
};

/// A published referential version.
struct PublishedVersion {
  std::string cqpm;
  std::int64_t number = 0;
  std::string published_at;
};

/// What the notifier reads besides state changes: commission events, GTP
/// approvals and published versions, each from a time on, oldest first, and
/// the people they concern. Every function runs on the caller's session.
namespace notice_source_store {

std::vector<CommissionAssignment> commissionAssignmentsSince(SqlSession& sql, const std::string& since,
                                                             int limit);
/// Approvals at or after `since` of proposals whose state is still "open".
std::vector<OpenProposalApproval> openProposalApprovalsSince(SqlSession& sql, const std::string& since,
                                                             int limit);
std::vector<PublishedVersion> versionsPublishedSince(SqlSession& sql, const std::string& since, int limit);

/// Colleges ("employer", "employee") that approved the proposal.
std::vector<std::string> approvingColleges(SqlSession& sql, std::int64_t proposal_id);
/// Active GTP auditors of `college` who accepted their invitation, by id.
std::vector<std::string> gtpAuditorsOf(SqlSession& sql, const std::string& college);
/// Active centre coordinators of every centre who accepted their invitation, by id.
std::vector<std::string> allCentreCoordinators(SqlSession& sql);
/// Of `user_ids`, the active users who accepted their invitation, in the same order.
std::vector<std::string> activeUsersAmong(SqlSession& sql, const std::vector<std::string>& user_ids);

}  // namespace notice_source_store
}  // namespace cqpm::store
