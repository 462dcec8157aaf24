#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/file_event.h"

namespace cqpm::audit {

/// One event of a file's chain as checked: whether it follows the previous
/// event and carries the hash its own fields give.
struct CheckedEvent {
  domain::FileEvent event;
  bool intact = true;
  std::string problem;  ///< empty when intact
};

/// A file's chain of events, walked from its creation: the first broken link,
/// if any. Every event after a broken one is reported too (`intact` false once
/// the chain cannot vouch for them).
struct FileChainCheck {
  std::string file_id;
  std::int64_t events = 0;
  std::optional<std::int64_t> broken_at;  ///< seq of the first event that breaks the chain
  std::string problem;                    ///< what is wrong there, in English
  std::vector<CheckedEvent> chain;        ///< oldest first
  bool intact() const { return !broken_at.has_value(); }
};

/// Checks `events` (one file's, oldest first, as stored): seqs 1, 2, 3... with
/// none missing, each prev_hash the previous event's hash (64 zeros for the
/// first), each hash the SHA-256 chain hash of its fields. A file without any
/// event is broken too: every file is created by one. Pure.
FileChainCheck checkFileChain(const std::string& file_id, std::vector<domain::FileEvent> events);

}  // namespace cqpm::audit
