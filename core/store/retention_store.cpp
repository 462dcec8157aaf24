#include "store/retention_store.h"

#include <optional>

#include "store/row_reader.h"

namespace cqpm::store::retention_store {

namespace {

constexpr const char* kErasedComment = "Commentaire effacé : sa durée de conservation est écoulée.";

// "?, ?, ?" for `count` values.
std::string placeholders(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  return list;
}

// The files of `states` with the time they moved into their state, filtered by `condition` (on `c`).
std::vector<ClosedFile> closedFiles(SqlSession& sql, const std::vector<std::string>& states,
                                    const std::string& before, int limit, const std::string& condition) {
  if (states.empty()) return {};
  auto query = sql.query(
      "SELECT c.id, c.centre_id, c.state, c.closed_at FROM (SELECT f.id, f.centre_id, f.state, "
      "f.anonymised_at, "
      "(SELECT MAX(e.at) FROM file_events e WHERE e.file_id = f.id AND e.to_state = f.state AND "
      "(e.from_state IS NULL OR e.from_state <> e.to_state)) AS closed_at FROM candidate_files f WHERE "
      "f.state IN (" +
      placeholders(states.size()) + ")) c WHERE c.closed_at <= ? AND " + condition +
      " ORDER BY c.closed_at, c.id LIMIT " + std::to_string(limit));
  for (const auto& state : states) query.bind(state);
  query.bind(before);
  std::vector<ClosedFile> files;
  query.forEachRow([&](const RowReader& row) {
    files.push_back({row.text("id"), row.text("centre_id"), row.text("state"), row.text("closed_at")});
  });
  return files;
}

}  // namespace

std::vector<ClosedFile> closedWithDocuments(SqlSession& sql, const std::vector<std::string>& states,
                                            const std::string& before, int limit) {
  return closedFiles(sql, states, before, limit,
                     "EXISTS (SELECT 1 FROM documents d JOIN document_versions v ON v.document_id = d.id "
                     "WHERE d.file_id = c.id AND v.purged_at IS NULL)");
}

std::vector<ClosedFile> closedNotAnonymised(SqlSession& sql, const std::vector<std::string>& states,
                                            const std::string& before, int limit) {
  return closedFiles(sql, states, before, limit, "c.anonymised_at IS NULL");
}

namespace {

// The candidate's account once no file is linked to it any more: nobody can use it, nothing in it
// names the person (its id stays: the administration log's entries point to it).
void anonymiseAccountIfUnused(SqlSession& sql, const std::string& user_id, const std::string& at) {
  std::int64_t linked = 0;
  sql.query("SELECT COUNT(*) AS n FROM candidate_files WHERE candidate_user_id = ?")
      .bind(user_id)
      .forEachRow([&](const RowReader& row) { linked = row.integer("n"); });
  if (linked > 0) return;
  sql.query(
         "UPDATE users SET login = ?, display_name = 'Candidat anonymisé', email = ?, password_hash = '', "
         "active = 0, updated_at = ? WHERE id = ? AND role = 'candidate'")
      .bind("anonymise-" + user_id)
      // E-mails are unique; a reserved domain (RFC 2606) that no message can reach.
      .bind("anonymise-" + user_id + "@anonymise.invalid")
      .bind(at)
      .bind(user_id)
      .execute();
  sql.query("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
      .bind(at)
      .bind(user_id)
      .execute();
  sql.query(
         "UPDATE account_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND used_at IS "
         "NULL")
      .bind(at)
      .bind(user_id)
      .execute();
}

}  // namespace

std::int64_t anonymiseFile(SqlSession& sql, const std::string& file_id, const std::string& at,
                           const std::vector<std::string>& kept_event_kinds) {
  std::optional<std::string> account;
  sql.query("SELECT candidate_user_id FROM candidate_files WHERE id = ?")
      .bind(file_id)
      .forEachRow([&](const RowReader& row) { account = row.optionalText("candidate_user_id"); });
  sql.query(
         "UPDATE candidate_files SET given_name = '', family_name = 'Candidat anonymisé', email = '', "
         "birth_date = '', birth_place = '', sex = '', birth_insee_code = '', registration = '{}', "
         "search_name = '', candidate_user_id = "
         "NULL, "
         "anonymised_at = ? "
         "WHERE id = ?")
      .bind(at)
      .bind(file_id)
      .execute();
  // Free texts about the candidate: observations, the company's opinion, comments; and the jury's
  // identity key (their folded name and birth date).
  const std::vector<std::string> statements{
      "UPDATE competency_evaluations SET observations = '{}' WHERE file_id = ?",
      "UPDATE competency_evaluation_versions SET observations = '{}' WHERE file_id = ?",
      "UPDATE company_opinions SET content = '{}' WHERE file_id = ?",
      "UPDATE company_opinion_revisions SET content = '{}' WHERE file_id = ?",
      std::string("UPDATE file_comments SET body = '") + kErasedComment + "' WHERE file_id = ?",
      "UPDATE jury_decisions SET candidate_key = '' WHERE file_id = ?"};
  for (const auto& statement : statements) sql.query(statement).bind(file_id).execute();
  // What the platform told people about the file named the candidate.
  sql.query("UPDATE notifications SET title = 'Dossier anonymisé', body = '' WHERE file_id = ?")
      .bind(file_id)
      .execute();
  if (account) anonymiseAccountIfUnused(sql, *account, at);
  auto events = sql.query(
      "UPDATE file_events SET payload = '{}', payload_redacted_at = ? WHERE file_id = ? AND payload <> '{}' "
      "AND payload_redacted_at IS NULL AND payload_sha256 IS NOT NULL" +
      (kept_event_kinds.empty() ? std::string()
                                : " AND transition NOT IN (" + placeholders(kept_event_kinds.size()) + ")"));
  events.bind(at).bind(file_id);
  for (const auto& kind : kept_event_kinds) events.bind(kind);
  return static_cast<std::int64_t>(events.execute());
}

}  // namespace cqpm::store::retention_store
