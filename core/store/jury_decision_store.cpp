#include "store/jury_decision_store.h"

#include "common/unicode_text.h"
#include "store/candidate_file_store.h"
#include "store/row_reader.h"

namespace cqpm::store::jury_decision_store {

namespace {

constexpr const char* kSelectDecisions =
    "SELECT d.id, d.session_id, d.file_id, d.cqpm, d.candidate_key, d.outcome, d.blocs, d.proposal, "
    "d.overrides_proposal, d.reason, d.members, d.abstentions, d.referential_version, d.referential_commit, "
    "d.decided_by, u.display_name AS decided_by_name, d.decided_at, d.revoked_at, d.revoked_by, "
    "r.display_name AS revoked_by_name, d.revocation_reason, d.competencies "
    "FROM jury_decisions d JOIN users u ON u.id = d.decided_by LEFT JOIN users r ON r.id = d.revoked_by ";

JuryDecisionRecord readDecision(const RowReader& row) {
  JuryDecisionRecord d;
  d.id = row.text("id");
  d.session_id = row.text("session_id");
  d.file_id = row.text("file_id");
  d.cqpm = row.text("cqpm");
  d.candidate_key = row.text("candidate_key");
  d.outcome = row.text("outcome");
  d.blocs_json = row.text("blocs");
  d.proposal_json = row.text("proposal");
  d.overrides_proposal = row.integer("overrides_proposal") != 0;
  d.reason = row.text("reason");
  d.members_json = row.text("members");
  d.abstentions_json = row.text("abstentions");
  d.competencies_json = row.optionalText("competencies");
  if (row.optionalText("referential_version")) d.referential_version = row.integer("referential_version");
  d.referential_commit = row.optionalText("referential_commit");
  d.decided_by = row.text("decided_by");
  d.decided_by_name = row.text("decided_by_name");
  d.decided_at = row.text("decided_at");
  d.revoked_at = row.optionalText("revoked_at");
  d.revoked_by = row.optionalText("revoked_by");
  d.revoked_by_name = row.optionalText("revoked_by_name");
  d.revocation_reason = row.optionalText("revocation_reason");
  return d;
}

template <typename... Values>
std::vector<JuryDecisionRecord> select(SqlSession& sql, const std::string& rest, Values... values) {
  auto stmt = sql.query(std::string(kSelectDecisions) + rest);
  std::vector<std::string> bound{values...};  // Poco binds by reference: keep them alive
  for (auto& value : bound) stmt.bind(value);
  std::vector<JuryDecisionRecord> found;
  forEachRow(stmt, [&](const RowReader& row) { found.push_back(readDecision(row)); });
  return found;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string candidateKey(const std::string& family_name, const std::string& given_name,
                         const std::string& birth_date) {
  return foldedForSearch(trimmed(family_name)) + "|" + foldedForSearch(trimmed(given_name)) + "|" +
         trimmed(birth_date);
}

void insert(SqlSession& sql, const JuryDecisionRecord& decision) {
  JuryDecisionRecord d = decision;
  Poco::Int64 overrides = d.overrides_proposal ? 1 : 0;
  Poco::Nullable<Poco::Int64> version;
  Poco::Nullable<std::string> commit;
  if (d.referential_version) version = *d.referential_version;
  if (d.referential_commit) commit = *d.referential_commit;
  Poco::Nullable<std::string> competencies;
  if (d.competencies_json) competencies = *d.competencies_json;
  auto stmt = sql.query(
      "INSERT INTO jury_decisions (id, session_id, file_id, cqpm, candidate_key, outcome, blocs, proposal, "
      "overrides_proposal, reason, members, abstentions, referential_version, referential_commit, "
      "decided_by, decided_at, competencies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(d.id)
      .bind(d.session_id)
      .bind(d.file_id)
      .bind(d.cqpm)
      .bind(d.candidate_key)
      .bind(d.outcome)
      .bind(d.blocs_json)
      .bind(d.proposal_json)
      .bind(overrides)
      .bind(d.reason)
      .bind(d.members_json)
      .bind(d.abstentions_json)
      .bind(version)
      .bind(commit)
      .bind(d.decided_by)
      .bind(d.decided_at)
      .bind(competencies);
  stmt.execute();
}

std::optional<JuryDecisionRecord> find(SqlSession& sql, const std::string& id) {
  auto found = select(sql, "WHERE d.id = ?", id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<JuryDecisionRecord> forSession(SqlSession& sql, const std::string& session_id) {
  return select(sql, "WHERE d.session_id = ? ORDER BY d.decided_at, d.id", session_id);
}

std::vector<JuryDecisionRecord> forFile(SqlSession& sql, const std::string& file_id) {
  return select(sql, "WHERE d.file_id = ? ORDER BY d.decided_at, d.id", file_id);
}

std::optional<JuryDecisionRecord> activeForFile(SqlSession& sql, const std::string& file_id) {
  auto found =
      select(sql, "WHERE d.file_id = ? AND d.revoked_at IS NULL ORDER BY d.decided_at DESC, d.id", file_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<JuryDecisionRecord> activeForCandidate(SqlSession& sql, const std::string& candidate_key,
                                                   const std::string& cqpm,
                                                   const std::string& except_file_id) {
  return select(sql,
                "WHERE d.candidate_key = ? AND d.cqpm = ? AND d.file_id <> ? AND d.revoked_at IS NULL "
                "AND d.session_id IN (SELECT s.id FROM jury_sessions s WHERE s.state = 'published') "
                "ORDER BY d.decided_at, d.id",
                candidate_key, cqpm, except_file_id);
}

bool revoke(SqlSession& sql, const std::string& id, const std::string& by, const std::string& at,
            const std::string& reason) {
  std::string key = id, who = by, when = at, why = reason;
  auto stmt = sql.query(
      "UPDATE jury_decisions SET revoked_at = ?, revoked_by = ?, revocation_reason = ? "
      "WHERE id = ? AND revoked_at IS NULL");
  stmt.bind(when).bind(who).bind(why).bind(key);
  return stmt.execute() == 1;
}

}  // namespace cqpm::store::jury_decision_store
