#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A member's signature of a session's minutes.
struct JurySignatureRecord {
  std::string user_id;
  std::string display_name;  ///< filled when read
  std::string college;
  std::string signed_at;
};

/// A correction of a session's record after its deliberation opened.
struct JuryErratumRecord {
  std::string id;
  std::string session_id;
  std::string text;
  std::string recorded_by;
  std::string recorded_by_name;  ///< filled when read
  std::string recorded_at;
};

/// How a jury session ends: its president, its closing, the members'
/// signatures of the minutes, its errata and the publication of its results.
/// Every function runs on the session it is given.
namespace jury_closing_store {

/// Sets the president while the session is not closed; false otherwise.
bool setPresident(SqlSession& sql, const std::string& session_id, const std::string& user_id);
/// open -> closed; false if the session was not open any more.
bool markClosed(SqlSession& sql, const std::string& session_id, const std::string& at);
/// closed -> published; false if the session was not closed any more.
bool markPublished(SqlSession& sql, const std::string& session_id, const std::string& at);

/// False when the member already signed.
bool addSignature(SqlSession& sql, const std::string& session_id, const JurySignatureRecord& signature);
/// The session's signatures, oldest first.
std::vector<JurySignatureRecord> signatures(SqlSession& sql, const std::string& session_id);

void addErratum(SqlSession& sql, const JuryErratumRecord& erratum);
/// The session's errata, oldest first.
std::vector<JuryErratumRecord> errata(SqlSession& sql, const std::string& session_id);

}  // namespace jury_closing_store
}  // namespace cqpm::store
