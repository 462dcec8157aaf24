#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A transfer of a file between centres, with what both centres show of it
/// (the file's candidate and CQPM, the centres' names), as stored.
struct StoredTransfer {
  std::string id;
  std::string file_id;
  std::string from_centre_id;
  std::string to_centre_id;
  std::string reason;
  std::string state;  ///< proposed | accepted | refused | cancelled
  std::string proposed_by;
  std::string proposed_at;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> decision_reason;
  // Read with it, never written through it:
  std::string from_centre_name;
  std::string to_centre_name;
  std::string proposed_by_name;
  std::optional<std::string> decided_by_name;
  std::string candidate_name;  ///< "Given Family"
  std::string cqpm;
  std::string file_state;
};

/// Which transfers a centre lists.
enum class TransferDirection { kIncoming, kOutgoing, kBoth };

/// File transfers. Every function runs on the session it is given.
namespace file_transfer_store {

void insert(SqlSession& sql, const StoredTransfer& transfer);
std::optional<StoredTransfer> find(SqlSession& sql, const std::string& id);
/// The file's transfer waiting for an answer, if any.
std::optional<StoredTransfer> pendingOfFile(SqlSession& sql, const std::string& file_id);
/// Transfers concerning `centre_id` (every centre when empty), newest first,
/// optionally only in `state`; at most `limit`.
std::vector<StoredTransfer> list(SqlSession& sql, const std::string& centre_id, TransferDirection direction,
                                 const std::optional<std::string>& state, int limit);
/// The file's transfers, oldest first.
std::vector<StoredTransfer> ofFile(SqlSession& sql, const std::string& file_id);
/// proposed -> `state` with who and why; false when it was not "proposed" any more.
bool decide(SqlSession& sql, const std::string& id, const std::string& state, const std::string& by,
            const std::string& at, const std::optional<std::string>& reason);

}  // namespace file_transfer_store
}  // namespace cqpm::store
