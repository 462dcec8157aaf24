#include "store/notice_source_store.h"

#include "store/row_reader.h"

namespace cqpm::store::notice_source_store {

namespace {

std::vector<std::string> readUserIds(Query& stmt) {
  std::vector<std::string> found;
  forEachRow(stmt, [&](const RowReader& row) { found.push_back(row.text("id")); });
  return found;
}

}  // namespace

std::vector<CommissionAssignment> commissionAssignmentsSince(SqlSession& sql, const std::string& since,
                                                             int limit) {
  std::string from = since;
  auto stmt = sql.query(
      "SELECT e.file_id, e.seq, e.at, e.payload, f.given_name, f.family_name, f.cqpm FROM file_events e "
      "JOIN candidate_files f ON f.id = e.file_id WHERE e.at >= ? AND e.transition = 'commission_assigned' "
      "ORDER BY e.at, e.file_id, e.seq LIMIT " +
      std::to_string(limit));
  stmt.bind(from);
  std::vector<CommissionAssignment> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back({row.text("file_id"), row.integer("seq"), row.text("at"), row.text("payload"),
                     row.text("given_name") + " " + row.text("family_name"), row.text("cqpm")});
  });
  return found;
}

std::vector<OpenProposalApproval> openProposalApprovalsSince(SqlSession& sql, const std::string& since,
                                                             int limit) {
  std::string from = since;
  auto stmt = sql.query(
      "SELECT a.proposal_id, p.cqpm, a.college, a.approved_at FROM referential_approvals a "
      "JOIN referential_proposals p ON p.id = a.proposal_id WHERE a.approved_at >= ? AND p.state = 'open' "
      "ORDER BY a.approved_at, a.proposal_id LIMIT " +
      std::to_string(limit));
  stmt.bind(from);
  std::vector<OpenProposalApproval> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back(
        {row.integer("proposal_id"), row.text("cqpm"), row.text("college"), row.text("approved_at")});
  });
  return found;
}

std::vector<PublishedVersion> versionsPublishedSince(SqlSession& sql, const std::string& since, int limit) {
  std::string from = since;
  auto stmt = sql.query(
      "SELECT cqpm, number, published_at FROM referential_versions WHERE published_at >= ? "
      "ORDER BY published_at, cqpm, number LIMIT " +
      std::to_string(limit));
  stmt.bind(from);
  std::vector<PublishedVersion> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back({row.text("cqpm"), row.integer("number"), row.text("published_at")});
  });
  return found;
}

std::vector<std::string> approvingColleges(SqlSession& sql, std::int64_t proposal_id) {
  Poco::Int64 id = proposal_id;
  auto stmt =
      sql.query("SELECT DISTINCT college FROM referential_approvals WHERE proposal_id = ? ORDER BY college");
  stmt.bind(id);
  std::vector<std::string> colleges;
  forEachRow(stmt, [&](const RowReader& row) { colleges.push_back(row.text("college")); });
  return colleges;
}

std::vector<std::string> gtpAuditorsOf(SqlSession& sql, const std::string& college) {
  std::string c = college;
  // Only people who accepted their invitation (chose a password) are told.
  auto stmt = sql.query(
      "SELECT id FROM users WHERE role = 'gtp_auditor' AND college = ? AND active = 1 AND password_hash <> "
      "'' "
      "ORDER BY id");
  stmt.bind(c);
  return readUserIds(stmt);
}

std::vector<std::string> allCentreCoordinators(SqlSession& sql) {
  auto stmt = sql.query(
      "SELECT id FROM users WHERE role = 'centre_coordinator' AND active = 1 AND password_hash <> '' "
      "ORDER BY id");
  return readUserIds(stmt);
}

std::vector<std::string> activeUsersAmong(SqlSession& sql, const std::vector<std::string>& user_ids) {
  std::vector<std::string> reachable;
  for (const auto& user_id : user_ids) {
    std::string id = user_id;
    auto stmt = sql.query("SELECT id FROM users WHERE id = ? AND active = 1 AND password_hash <> ''");
    stmt.bind(id);
    for (auto& found : readUserIds(stmt)) reachable.push_back(found);
  }
  return reachable;
}

}  // namespace cqpm::store::notice_source_store
