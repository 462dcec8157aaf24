#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A paritary jury session of a centre.
struct JurySessionRecord {
  std::string id;
  std::string centre_id;
  std::string centre_name;   ///< filled when read
  std::string session_date;  ///< YYYY-MM-DD
  std::string place;
  std::string state;  ///< "planned" | "open" | "closed" | "published"
  std::string created_by;
  std::string created_at;
  std::optional<std::string> opened_at;
  std::optional<std::string> session_time;  ///< HH:MM, Paris time; absent on sessions created before it
  std::optional<std::string> president_id;  ///< the member who closes the session
  std::optional<std::string> closed_at;
  std::optional<std::string> published_at;
};

/// A member of a session: the college comes from their account, the company
/// from the centre's invitation (a member cannot deliberate on its employees).
struct JuryMemberRecord {
  std::string session_id;
  std::string user_id;
  std::string display_name;  ///< filled when read
  std::string college;       ///< "employer" | "employee"
  std::optional<std::string> company_id;
  std::optional<std::string> company_name;  ///< filled when read
  bool present = false;
  std::string added_at;
};

/// Jury sessions, their members and their files. Functions run on the session
/// they are given: writes inside Database::write.
namespace jury_store {

void insertSession(SqlSession& sql, const JurySessionRecord& session);
std::optional<JurySessionRecord> findSession(SqlSession& sql, const std::string& id);
/// The centre's sessions, latest date first.
std::vector<JurySessionRecord> listForCentre(SqlSession& sql, const std::string& centre_id);
/// The sessions `user_id` sits on, latest date first.
std::vector<JurySessionRecord> listForMember(SqlSession& sql, const std::string& user_id);
/// Every centre's sessions, latest first (the GTP's oversight).
std::vector<JurySessionRecord> listAll(SqlSession& sql);
/// planned -> open; false if the session was not planned any more.
bool markOpen(SqlSession& sql, const std::string& id, const std::string& opened_at);

void insertMember(SqlSession& sql, const JuryMemberRecord& member);
/// The session's members, by college then name.
std::vector<JuryMemberRecord> members(SqlSession& sql, const std::string& session_id);
/// False if `user_id` is not a member of the session.
bool setPresent(SqlSession& sql, const std::string& session_id, const std::string& user_id, bool present);

void addFile(SqlSession& sql, const std::string& session_id, const std::string& file_id,
             const std::string& added_at);
/// Ids of the session's files, in the order they were added.
std::vector<std::string> fileIds(SqlSession& sql, const std::string& session_id);
/// Ids of the sessions holding `file_id`, oldest first.
std::vector<std::string> sessionsOfFile(SqlSession& sql, const std::string& file_id);

}  // namespace jury_store
}  // namespace cqpm::store
