#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A file closed in a final state, as the retention policy looks at it.
struct ClosedFile {
  std::string id;
  std::string centre_id;
  std::string state;
  std::string closed_at;  ///< ISO-8601 UTC: its move into its final state
};

/// What the retention policy reads and erases (retention/retention_sweep). Writes run inside
/// `Database::write`, one file per transaction.
namespace retention_store {

/// Files in one of `states` that moved into it at or before `before` and still hold document bytes
/// (a version not purged), oldest closing first, at most `limit`.
std::vector<ClosedFile> closedWithDocuments(SqlSession& sql, const std::vector<std::string>& states,
                                            const std::string& before, int limit);

/// Files in one of `states` that moved into it at or before `before` and whose candidate's identity
/// is still there, oldest closing first, at most `limit`.
std::vector<ClosedFile> closedNotAnonymised(SqlSession& sql, const std::vector<std::string>& states,
                                            const std::string& before, int limit);

/// Erases what identifies the candidate of `file_id`, at `at`: the identity and registration answers,
/// the link to the candidate's account (and the account itself once no file is linked to it: deactivated,
/// its login, name, e-mail and password erased, its sessions and links revoked), the notifications' texts,
/// the free texts written about them (observations of every competency version, company opinion
/// contents, comments, the jury's identity key) and the payloads of the file's events except those of
/// `kept_event_kinds` (plans, commissions, versions: no personal data). An event whose chain does not
/// cover its payload's hash (a chain broken before migration 0031) keeps its payload, so that the break
/// still shows. Returns the number of event payloads erased.
std::int64_t anonymiseFile(SqlSession& sql, const std::string& file_id, const std::string& at,
                           const std::vector<std::string>& kept_event_kinds);

}  // namespace retention_store
}  // namespace cqpm::store
