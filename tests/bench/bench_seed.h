#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/candidate_file.h"
#include "domain/file_event.h"
#include "store/database.h"
#include "store/deadline_store.h"

namespace cqpm::bench {

/// One file a benchmark seeds: the file's row, the events after its creation
/// (oldest first; seq, hashes and file id are filled while writing) and an
/// optional report deadline.
struct SeededFile {
  domain::CandidateFile file;  ///< a random id is given when `file.id` is empty
  std::vector<domain::FileEvent> later_events;
  std::optional<store::DeadlineRecord> report_deadline;
};

/// Writes `count` files straight into the database with the rows the API writes
/// (the file, its hash-chained creation event by `actor`, the later events, the
/// deadline), many per transaction so that seeding takes little time.
/// `make(i)` shapes the i-th file (0-based). Returns the ids in seeding order.
/// Errors of the database propagate (Error{kStorage}).
std::vector<std::string> seedFiles(store::Database& db, const domain::Actor& actor, int count,
                                   const std::function<SeededFile(int)>& make);

}  // namespace cqpm::bench
