#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A certificate (whole CQPM) or a bloc attestation awarded by a jury decision.
/// What it shows is copied at award time: it never changes afterwards.
struct AwardRecord {
  std::string id;
  std::string decision_id;
  std::string file_id;
  std::string kind;  ///< "certificate" | "bloc_attestation"
  std::string verification_code;
  std::string holder_name;
  std::optional<std::string>
      holder_birth_date;  ///< YYYY-MM-DD; absent on awards issued before it was printed
  std::string cqpm;
  std::string cqpm_title;
  std::optional<std::string> cqpm_number;  ///< null while the GTP has not recorded it
  std::string blocs_json = "[]";           ///< [{index, code, rncp_code, title}]
  std::string decision_date;               ///< YYYY-MM-DD: the jury session's day
  std::int64_t referential_version = 0;
  std::string centre_name;
  std::string created_at;
  std::optional<std::string> revoked_at;  ///< filled when read: the decision's revocation
};

/// Awards and their verification codes.
namespace award_store {

/// Throws Error{kStorage} when the verification code is taken (unique).
void insert(SqlSession& sql, const AwardRecord& award);
std::optional<AwardRecord> find(SqlSession& sql, const std::string& id);
/// The award carrying `code` (canonical form "XXXX-XXXX-XXXX").
std::optional<AwardRecord> findByCode(SqlSession& sql, const std::string& code);
std::vector<AwardRecord> forDecision(SqlSession& sql, const std::string& decision_id);
/// The awards whose decision stands (not revoked) and whose session's day falls within
/// [`from`, `to`] (YYYY-MM-DD, inclusive), of `centre_id`'s files or of every centre's,
/// by day then id.
std::vector<AwardRecord> standingBetween(SqlSession& sql, const std::string& from, const std::string& to,
                                         const std::optional<std::string>& centre_id);

}  // namespace award_store
}  // namespace cqpm::store
