#include "store/referential_version_store.h"

#include <Poco/JSON/Array.h>

#include "store/row_reader.h"
#include "store/sequence_lock.h"

namespace cqpm::store::referential_version_store {

using Poco::Data::Keywords::into;

namespace {

constexpr const char* kVersionColumns =
    "SELECT cqpm, number, commit_id, tag, author_name, author_email, published_at, reason, approvers "
    "FROM referential_versions ";

ReferentialVersion readVersion(const RowReader& row) {
  return ReferentialVersion{row.text("cqpm"),         row.integer("number"),   row.text("commit_id"),
                            row.text("tag"),          row.text("author_name"), row.text("author_email"),
                            row.text("published_at"), row.text("reason"),      row.text("approvers")};
}

constexpr const char* kProposalColumns =
    "SELECT p.id, p.cqpm, p.base_version, p.base_commit, p.proposal_commit, p.git_ref, p.proposer_id, "
    "u.display_name, p.reason, p.state, p.created_at, p.decided_at, p.decided_by, p.rejection_reason, "
    "p.published_version FROM referential_proposals p JOIN users u ON u.id = p.proposer_id ";

ReferentialProposal readProposal(const RowReader& row) {
  ReferentialProposal proposal;
  proposal.id = row.integer("id");
  proposal.cqpm = row.text("cqpm");
  proposal.base_version = row.integer("base_version");
  proposal.base_commit = row.text("base_commit");
  proposal.proposal_commit = row.text("proposal_commit");
  proposal.git_ref = row.text("git_ref");
  proposal.proposer_id = row.text("proposer_id");
  proposal.proposer_name = row.text("display_name");
  proposal.reason = row.text("reason");
  proposal.state = row.text("state");
  proposal.created_at = row.text("created_at");
  proposal.decided_at = row.optionalText("decided_at");
  proposal.decided_by = row.optionalText("decided_by");
  proposal.rejection_reason = row.optionalText("rejection_reason");
  if (row.optionalText("published_version")) proposal.published_version = row.integer("published_version");
  return proposal;
}

}  // namespace

void insertVersion(SqlSession& sql, const ReferentialVersion& version) {
  ReferentialVersion v = version;
  auto stmt = sql.query(
      "INSERT INTO referential_versions (cqpm, number, commit_id, tag, author_name, author_email, "
      "published_at, "
      "reason, approvers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Poco::Int64 number = v.number;
  stmt.bind(v.cqpm)
      .bind(number)
      .bind(v.commit_id)
      .bind(v.tag)
      .bind(v.author_name)
      .bind(v.author_email)
      .bind(v.published_at)
      .bind(v.reason)
      .bind(v.approvers_json);
  stmt.execute();
}

std::vector<ReferentialVersion> listVersions(SqlSession& sql, const std::string& cqpm) {
  std::string key = cqpm;
  auto stmt = sql.query(std::string(kVersionColumns) + "WHERE cqpm = ? ORDER BY number");
  stmt.bind(key);
  std::vector<ReferentialVersion> versions;
  forEachRow(stmt, [&](const RowReader& row) { versions.push_back(readVersion(row)); });
  return versions;
}

std::optional<ReferentialVersion> findVersion(SqlSession& sql, const std::string& cqpm, std::int64_t number) {
  std::string key = cqpm;
  Poco::Int64 n = number;
  auto stmt = sql.query(std::string(kVersionColumns) + "WHERE cqpm = ? AND number = ?");
  stmt.bind(key).bind(n);
  std::optional<ReferentialVersion> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readVersion(row); });
  return found;
}

std::optional<ReferentialVersion> latestVersion(SqlSession& sql, const std::string& cqpm) {
  std::string key = cqpm;
  auto stmt = sql.query(std::string(kVersionColumns) + "WHERE cqpm = ? ORDER BY number DESC LIMIT 1");
  stmt.bind(key);
  std::optional<ReferentialVersion> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readVersion(row); });
  return found;
}

std::int64_t nextProposalId(SqlSession& sql) {
  lockSequence(sql, Sequence::kReferentialProposals);
  Poco::Int64 last = 0;
  auto stmt = sql.statement("SELECT COALESCE(MAX(id), 0) FROM referential_proposals");
  stmt, into(last);
  stmt.execute();
  return last + 1;
}

std::vector<std::string> allVersionCommits(SqlSession& sql) {
  std::vector<std::string> commits;
  auto stmt = sql.statement("SELECT commit_id FROM referential_versions ORDER BY cqpm, number");
  stmt, into(commits);
  stmt.execute();
  return commits;
}

std::int64_t countVersions(SqlSession& sql) {
  Poco::Int64 count = 0;
  auto stmt = sql.statement("SELECT COUNT(*) FROM referential_versions");
  stmt, into(count);
  stmt.execute();
  return count;
}

void insertProposal(SqlSession& sql, const ReferentialProposal& proposal) {
  ReferentialProposal p = proposal;
  Poco::Int64 id = p.id, base = p.base_version;
  auto stmt = sql.query(
      "INSERT INTO referential_proposals (id, cqpm, base_version, base_commit, proposal_commit, git_ref, "
      "proposer_id, reason, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(id)
      .bind(p.cqpm)
      .bind(base)
      .bind(p.base_commit)
      .bind(p.proposal_commit)
      .bind(p.git_ref)
      .bind(p.proposer_id)
      .bind(p.reason)
      .bind(p.state)
      .bind(p.created_at);
  stmt.execute();
}

std::optional<ReferentialProposal> findProposal(SqlSession& sql, std::int64_t id) {
  Poco::Int64 key = id;
  auto stmt = sql.query(std::string(kProposalColumns) + "WHERE p.id = ?");
  stmt.bind(key);
  std::optional<ReferentialProposal> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readProposal(row); });
  return found;
}

std::vector<ReferentialProposal> listProposals(SqlSession& sql, const std::string& cqpm,
                                               const std::string& state) {
  std::string c = cqpm, s = state;
  std::string where = "WHERE 1 = 1 ";
  if (!c.empty()) where += "AND p.cqpm = ? ";
  if (!s.empty()) where += "AND p.state = ? ";
  auto stmt = sql.query(std::string(kProposalColumns) + where + "ORDER BY p.id DESC");
  if (!c.empty()) stmt.bind(c);
  if (!s.empty()) stmt.bind(s);
  std::vector<ReferentialProposal> proposals;
  forEachRow(stmt, [&](const RowReader& row) { proposals.push_back(readProposal(row)); });
  return proposals;
}

void updateProposalState(SqlSession& sql, const ReferentialProposal& proposal) {
  ReferentialProposal p = proposal;
  Poco::Int64 id = p.id;
  Poco::Nullable<std::string> decided_at, decided_by, rejection;
  Poco::Nullable<Poco::Int64> published;
  if (p.decided_at) decided_at = *p.decided_at;
  if (p.decided_by) decided_by = *p.decided_by;
  if (p.rejection_reason) rejection = *p.rejection_reason;
  if (p.published_version) published = static_cast<Poco::Int64>(*p.published_version);
  auto stmt = sql.query(
      "UPDATE referential_proposals SET state = ?, decided_at = ?, decided_by = ?, rejection_reason = ?, "
      "published_version = ? WHERE id = ?");
  stmt.bind(p.state).bind(decided_at).bind(decided_by).bind(rejection).bind(published).bind(id);
  stmt.execute();
}

void insertApproval(SqlSession& sql, std::int64_t proposal_id, const std::string& user_id,
                    const std::string& college, const std::string& at) {
  Poco::Int64 id = proposal_id;
  std::string user = user_id, c = college, when = at;
  auto stmt = sql.query(
      "INSERT INTO referential_approvals (proposal_id, user_id, college, approved_at) VALUES (?, ?, ?, ?)");
  stmt.bind(id).bind(user).bind(c).bind(when);
  stmt.execute();
}

std::vector<ProposalApproval> listApprovals(SqlSession& sql, std::int64_t proposal_id) {
  Poco::Int64 id = proposal_id;
  auto stmt = sql.query(
      "SELECT a.user_id, u.display_name, u.email, a.college, a.approved_at FROM referential_approvals a "
      "JOIN users u ON u.id = a.user_id WHERE a.proposal_id = ? ORDER BY a.approved_at, a.user_id");
  stmt.bind(id);
  std::vector<ProposalApproval> approvals;
  forEachRow(stmt, [&](const RowReader& row) {
    approvals.push_back({row.text("user_id"), row.text("display_name"), row.text("email"),
                         row.text("college"), row.text("approved_at")});
  });
  return approvals;
}

std::vector<PinnedFileCount> countPinnedFiles(SqlSession& sql, const std::string& cqpm, std::int64_t number,
                                              const std::vector<std::string>& final_states, bool open_only) {
  std::string key = cqpm;
  Poco::Int64 n = number;
  std::string where = "WHERE f.cqpm = ? AND f.referential_version = ? ";
  std::vector<std::string> states = final_states;
  if (open_only && !states.empty()) {
    where += "AND f.state NOT IN (";
    for (std::size_t i = 0; i < states.size(); ++i) where += i ? ", ?" : "?";
    where += ") ";
  }
  auto stmt = sql.query(
      "SELECT f.centre_id AS centre_id, c.name AS centre, f.state AS state, COUNT(*) AS n FROM "
      "candidate_files f "
      "JOIN organisations c ON c.id = f.centre_id " +
      where + "GROUP BY f.centre_id, c.name, f.state ORDER BY c.name, f.state");
  stmt.bind(key).bind(n);
  if (open_only) {
    for (auto& state : states) stmt.bind(state);
  }
  std::vector<PinnedFileCount> rows;
  forEachRow(stmt, [&](const RowReader& row) {
    rows.push_back({row.text("centre_id"), row.text("centre"), row.text("state"), row.integer("n")});
  });
  return rows;
}

}  // namespace cqpm::store::referential_version_store
