#include "audit/event_chain.h"

#include <algorithm>

#include "common/sha256.h"
#include "store/event_store.h"

namespace cqpm::audit {

namespace {

// What is wrong with `event` coming after the event whose seq and hash are given.
std::string problemOf(const domain::FileEvent& event, std::int64_t previous_seq,
                      const std::string& previous_hash) {
  if (event.seq != previous_seq + 1) return "event " + std::to_string(previous_seq + 1) + " is missing";
  if (event.prev_hash != previous_hash) return "does not follow the previous event";
  if (store::event_store::chainHash(event) != event.hash) return "was altered";
  // The link covers the payload's hash; the payload must still give it, unless retention erased it.
  if (!event.payload_sha256.empty() && !event.payload_redacted_at &&
      sha256Hex(event.payload_json) != event.payload_sha256) {
    return "was altered";
  }
  return "";
}

}  // namespace

FileChainCheck checkFileChain(const std::string& file_id, std::vector<domain::FileEvent> events) {
  FileChainCheck check;
  check.file_id = file_id;
  check.events = static_cast<std::int64_t>(events.size());
  if (events.empty()) {
    check.broken_at = 1;
    check.problem = "the file has no event (its creation is missing)";
    return check;
  }
  std::int64_t previous_seq = 0;
  std::string previous_hash = store::event_store::genesisHash();
  for (auto& event : events) {
    CheckedEvent checked{std::move(event), true, ""};
    if (!check.broken_at) {
      checked.problem = problemOf(checked.event, previous_seq, previous_hash);
      if (!checked.problem.empty()) {
        // A missing event is where the chain breaks, not the one found after it.
        check.broken_at = std::min(checked.event.seq, previous_seq + 1);
        check.problem = checked.problem;
      }
    } else {
      checked.problem = "after a broken link";
    }
    checked.intact = checked.problem.empty();
    previous_seq = checked.event.seq;
    previous_hash = checked.event.hash;
    check.chain.push_back(std::move(checked));
  }
  return check;
}

}  // namespace cqpm::audit
