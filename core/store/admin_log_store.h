#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One administrative act, as the log keeps it.
struct AdminLogEntry {
  std::int64_t seq = 0;  ///< position in the log, from 1; assigned by append()
  std::string at;
  std::optional<std::string> actor_id;  ///< empty for the command line
  std::string actor_label;              ///< "login (display name)", or "cqpm admin" for the command line
  std::string action;                   ///< "user_created", "role_changed", ...
  std::string target_kind;              ///< "user", "organisation", "file", "import"
  std::string target_id;
  std::string target_label;
  std::optional<std::string> centre_id;  ///< the centre the act concerns; its coordinators read it
  std::string details_json;              ///< what changed, as a JSON object
  std::string prev_hash;
  std::string hash;
};

/// The administration log: append-only, hash-chained (common/chain_hash.h).
namespace admin_log_store {

/// The hash of an entry from its fields and prev_hash.
std::string entryHash(const AdminLogEntry& entry);
/// Appends `entry` after the last one (seq, prev_hash and hash filled in) and
/// returns it as stored. Runs inside the caller's write transaction.
AdminLogEntry append(SqlSession& sql, AdminLogEntry entry);
/// Up to `limit` entries before `before_seq` (0: from the newest), newest
/// first; only those of `centre_id` when given.
std::vector<AdminLogEntry> listBefore(SqlSession& sql, const std::optional<std::string>& centre_id,
                                      std::int64_t before_seq, int limit);
/// Up to `limit` entries after `after_seq`, oldest first (verification, export).
std::vector<AdminLogEntry> listAfter(SqlSession& sql, std::int64_t after_seq, int limit);

}  // namespace admin_log_store
}  // namespace cqpm::store
