#include "store/jury_closing_store.h"

#include "store/row_reader.h"

namespace cqpm::store::jury_closing_store {

namespace {

// An UPDATE of one session guarded by its state; true when it applied.
bool updateSession(SqlSession& sql, const std::string& set_clause, const std::string& value,
                   const std::string& session_id, const std::string& guard) {
  std::string v = value, key = session_id;
  auto stmt = sql.query("UPDATE jury_sessions SET " + set_clause + " WHERE id = ? AND " + guard);
  stmt.bind(v).bind(key);
  return stmt.execute() == 1;
}

}  // namespace

bool setPresident(SqlSession& sql, const std::string& session_id, const std::string& user_id) {
  return updateSession(sql, "president_id = ?", user_id, session_id, "state IN ('planned', 'open')");
}

bool markClosed(SqlSession& sql, const std::string& session_id, const std::string& at) {
  return updateSession(sql, "state = 'closed', closed_at = ?", at, session_id, "state = 'open'");
}

bool markPublished(SqlSession& sql, const std::string& session_id, const std::string& at) {
  return updateSession(sql, "state = 'published', published_at = ?", at, session_id, "state = 'closed'");
}

bool addSignature(SqlSession& sql, const std::string& session_id, const JurySignatureRecord& signature) {
  std::string session = session_id, user = signature.user_id;
  auto existing = sql.query("SELECT COUNT(*) AS n FROM jury_signatures WHERE session_id = ? AND user_id = ?");
  existing.bind(session).bind(user);
  bool signed_already = false;
  forEachRow(existing, [&](const RowReader& row) { signed_already = row.integer("n") > 0; });
  if (signed_already) return false;
  JurySignatureRecord s = signature;
  auto stmt =
      sql.query("INSERT INTO jury_signatures (session_id, user_id, college, signed_at) VALUES (?, ?, ?, ?)");
  stmt.bind(session).bind(s.user_id).bind(s.college).bind(s.signed_at);
  stmt.execute();
  return true;
}

std::vector<JurySignatureRecord> signatures(SqlSession& sql, const std::string& session_id) {
  std::string key = session_id;
  auto stmt = sql.query(
      "SELECT g.user_id, u.display_name, g.college, g.signed_at FROM jury_signatures g "
      "JOIN users u ON u.id = g.user_id WHERE g.session_id = ? ORDER BY g.signed_at, g.user_id");
  stmt.bind(key);
  std::vector<JurySignatureRecord> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back(
        {row.text("user_id"), row.text("display_name"), row.text("college"), row.text("signed_at")});
  });
  return found;
}

void addErratum(SqlSession& sql, const JuryErratumRecord& erratum) {
  JuryErratumRecord e = erratum;
  auto stmt = sql.query(
      "INSERT INTO jury_errata (id, session_id, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)");
  stmt.bind(e.id).bind(e.session_id).bind(e.text).bind(e.recorded_by).bind(e.recorded_at);
  stmt.execute();
}

std::vector<JuryErratumRecord> errata(SqlSession& sql, const std::string& session_id) {
  std::string key = session_id;
  auto stmt = sql.query(
      "SELECT e.id, e.session_id, e.text, e.recorded_by, u.display_name, e.recorded_at FROM jury_errata e "
      "JOIN users u ON u.id = e.recorded_by WHERE e.session_id = ? ORDER BY e.recorded_at, e.id");
  stmt.bind(key);
  std::vector<JuryErratumRecord> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back({row.text("id"), row.text("session_id"), row.text("text"), row.text("recorded_by"),
                     row.text("display_name"), row.text("recorded_at")});
  });
  return found;
}

}  // namespace cqpm::store::jury_closing_store
