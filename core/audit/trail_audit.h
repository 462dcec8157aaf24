#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "admin/admin_log.h"
#include "audit/event_chain.h"
#include "store/database.h"

namespace cqpm::audit {

/// The whole trail checked: every file's chain of events and the
/// administration log's chain, with the first broken link of each.
struct TrailCheck {
  std::int64_t files = 0;
  std::int64_t events = 0;
  std::int64_t broken_files = 0;
  std::optional<FileChainCheck> first_broken;  ///< its chain left out (the CLI names the link)
  admin::ChainCheck admin_log;
  bool intact() const { return broken_files == 0 && !admin_log.broken_at.has_value(); }
};

/// Verifies every hash chain of the records nobody may rewrite, for `cqpm
/// audit verify` (one file's chain is checked where it is read: see
/// checkFileChain). Reads only.
class TrailAudit {
 public:
  /// Borrows `db`, which must outlive it.
  explicit TrailAudit(store::Database& db) : db_(db), admin_log_(db) {}

  /// Every file (in batches of their ids, so memory stays bounded) and the
  /// administration log; not scoped to anyone: the command line's.
  TrailCheck everything();

 private:
  store::Database& db_;
  admin::AdminLogService admin_log_;
};

}  // namespace cqpm::audit
