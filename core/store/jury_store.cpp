#include "store/jury_store.h"

#include "store/row_reader.h"

namespace cqpm::store::jury_store {

namespace {

constexpr const char* kSelectSessions =
    "SELECT s.id, s.centre_id, c.name AS centre_name, s.session_date, s.place, s.state, s.created_by, "
    "s.created_at, s.opened_at, s.session_time, s.president_id, s.closed_at, s.published_at "
    "FROM jury_sessions s JOIN organisations c ON c.id = s.centre_id ";

JurySessionRecord readSession(const RowReader& row) {
  return {row.text("id"),
          row.text("centre_id"),
          row.text("centre_name"),
          row.text("session_date"),
          row.text("place"),
          row.text("state"),
          row.text("created_by"),
          row.text("created_at"),
          row.optionalText("opened_at"),
          row.optionalText("session_time"),
          row.optionalText("president_id"),
          row.optionalText("closed_at"),
          row.optionalText("published_at")};
}

std::vector<JurySessionRecord> selectSessions(SqlSession& sql, const std::string& where,
                                              std::optional<std::string> key) {
  auto stmt = sql.query(std::string(kSelectSessions) + where +
                        " ORDER BY s.session_date DESC, s.created_at DESC, s.id");
  if (key) stmt.bind(*key);
  std::vector<JurySessionRecord> sessions;
  forEachRow(stmt, [&](const RowReader& row) { sessions.push_back(readSession(row)); });
  return sessions;
}

}  // namespace

void insertSession(SqlSession& sql, const JurySessionRecord& session) {
  JurySessionRecord s = session;
  auto stmt = sql.query(
      "INSERT INTO jury_sessions (id, centre_id, session_date, place, state, created_by, created_at, "
      "session_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  Poco::Nullable<std::string> time;
  if (s.session_time) time = *s.session_time;
  stmt.bind(s.id)
      .bind(s.centre_id)
      .bind(s.session_date)
      .bind(s.place)
      .bind(s.state)
      .bind(s.created_by)
      .bind(s.created_at)
      .bind(time);
  stmt.execute();
}

std::optional<JurySessionRecord> findSession(SqlSession& sql, const std::string& id) {
  auto found = selectSessions(sql, "WHERE s.id = ?", id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<JurySessionRecord> listForCentre(SqlSession& sql, const std::string& centre_id) {
  return selectSessions(sql, "WHERE s.centre_id = ?", centre_id);
}

std::vector<JurySessionRecord> listAll(SqlSession& sql) { return selectSessions(sql, "", std::nullopt); }

std::vector<JurySessionRecord> listForMember(SqlSession& sql, const std::string& user_id) {
  return selectSessions(sql, "WHERE s.id IN (SELECT m.session_id FROM jury_members m WHERE m.user_id = ?)",
                        user_id);
}

bool markOpen(SqlSession& sql, const std::string& id, const std::string& opened_at) {
  std::string key = id, at = opened_at;
  auto stmt =
      sql.query("UPDATE jury_sessions SET state = 'open', opened_at = ? WHERE id = ? AND state = 'planned'");
  stmt.bind(at).bind(key);
  return stmt.execute() == 1;
}

void insertMember(SqlSession& sql, const JuryMemberRecord& member) {
  JuryMemberRecord m = member;
  Poco::Nullable<std::string> company;
  if (m.company_id) company = *m.company_id;
  Poco::Int64 present = m.present ? 1 : 0;
  auto stmt = sql.query(
      "INSERT INTO jury_members (session_id, user_id, college, company_id, present, added_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  stmt.bind(m.session_id).bind(m.user_id).bind(m.college).bind(company).bind(present).bind(m.added_at);
  stmt.execute();
}

std::vector<JuryMemberRecord> members(SqlSession& sql, const std::string& session_id) {
  std::string key = session_id;
  auto stmt = sql.query(
      "SELECT m.session_id, m.user_id, u.display_name, m.college, m.company_id, co.name AS company_name, "
      "m.present, m.added_at FROM jury_members m JOIN users u ON u.id = m.user_id "
      "LEFT JOIN organisations co ON co.id = m.company_id WHERE m.session_id = ? "
      "ORDER BY m.college, u.display_name, m.user_id");
  stmt.bind(key);
  std::vector<JuryMemberRecord> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back({row.text("session_id"), row.text("user_id"), row.text("display_name"),
                     row.text("college"), row.optionalText("company_id"), row.optionalText("company_name"),
                     row.integer("present") != 0, row.text("added_at")});
  });
  return found;
}

bool setPresent(SqlSession& sql, const std::string& session_id, const std::string& user_id, bool present) {
  std::string session = session_id, user = user_id;
  Poco::Int64 value = present ? 1 : 0;
  auto stmt = sql.query("UPDATE jury_members SET present = ? WHERE session_id = ? AND user_id = ?");
  stmt.bind(value).bind(session).bind(user);
  return stmt.execute() == 1;
}

void addFile(SqlSession& sql, const std::string& session_id, const std::string& file_id,
             const std::string& added_at) {
  std::string session = session_id, file = file_id, at = added_at;
  auto stmt = sql.query("INSERT INTO jury_session_files (session_id, file_id, added_at) VALUES (?, ?, ?)");
  stmt.bind(session).bind(file).bind(at);
  stmt.execute();
}

std::vector<std::string> fileIds(SqlSession& sql, const std::string& session_id) {
  std::string key = session_id;
  auto stmt =
      sql.query("SELECT file_id FROM jury_session_files WHERE session_id = ? ORDER BY added_at, file_id");
  stmt.bind(key);
  std::vector<std::string> ids;
  forEachRow(stmt, [&](const RowReader& row) { ids.push_back(row.text("file_id")); });
  return ids;
}

std::vector<std::string> sessionsOfFile(SqlSession& sql, const std::string& file_id) {
  std::string key = file_id;
  auto stmt =
      sql.query("SELECT session_id FROM jury_session_files WHERE file_id = ? ORDER BY added_at, session_id");
  stmt.bind(key);
  std::vector<std::string> ids;
  forEachRow(stmt, [&](const RowReader& row) { ids.push_back(row.text("session_id")); });
  return ids;
}

}  // namespace cqpm::store::jury_store
