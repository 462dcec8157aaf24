#pragma once

#include <string>
#include <vector>

#include "domain/file_event.h"
#include "store/database.h"

namespace cqpm::store {

/// The append-only history of candidate files, hash-chained per file.
namespace event_store {

/// Appends `event` as the next entry of its file: fills seq, prev_hash and hash
/// (SHA-256 over the previous hash and the event's fields). A move out of a
/// state also keeps the stay it ends in stage_stays (the statistics' median
/// days per stage). Call inside the write transaction that changes the file.
domain::FileEvent append(SqlSession& sql, domain::FileEvent event);

/// The file's events, oldest first, with the actors' login and display name.
std::vector<domain::FileEvent> listForFile(SqlSession& sql, const std::string& file_id);
/// The file's events after `after_seq`, oldest first, at most `limit` (an
/// indexed read of the primary key: cheap enough to poll).
std::vector<domain::FileEvent> listForFileAfter(SqlSession& sql, const std::string& file_id,
                                                std::int64_t after_seq, int limit);
/// The seq of the file's last event, 0 when it has none.
std::int64_t lastSeq(SqlSession& sql, const std::string& file_id);

/// The ids of the files after `after` (in id order), at most `limit`: every
/// file, with or without events, for walking them all in batches.
std::vector<std::string> fileIdsAfter(SqlSession& sql, const std::string& after, int limit);

/// The hash an event must carry given its fields and prev_hash.
std::string chainHash(const domain::FileEvent& event);

/// Hash of "nothing before": the prev_hash of a file's first event.
const std::string& genesisHash();

}  // namespace event_store
}  // namespace cqpm::store
