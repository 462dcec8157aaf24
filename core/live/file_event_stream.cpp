#include "live/file_event_stream.h"

#include "store/event_store.h"

namespace cqpm::live {

namespace {

constexpr int kEventBatch = 100;
// EventSource reconnects after this many milliseconds when the stream ends.
constexpr const char* kRetryPreamble = "retry: 2000\n\n";

}  // namespace

bool FileEventStream::allowed(TurnMemo& memo) {
  if (!still_allowed_) return true;
  const auto key = std::make_pair(slot_->sessionToken(), file_id_);
  const auto known = memo.allowed.find(key);
  if (known != memo.allowed.end()) return known->second;
  const bool verdict = still_allowed_();
  memo.allowed.emplace(key, verdict);
  return verdict;
}

std::optional<std::string> FileEventStream::next(TimePoint now, bool woken, TurnMemo& memo) {
  if (!hub_.isOpen(*slot_)) return std::nullopt;
  std::string out;
  bool read = woken;
  if (!started_) {
    started_ = true;
    out = kRetryPreamble;
    last_write_ = now;
    last_check_ = now;
    read = true;  // what was committed between the request and this turn
  }
  if (now - last_check_ >= timing_.access_check) {
    if (!allowed(memo)) return std::nullopt;
    last_check_ = now;
  }
  static const std::vector<domain::FileEvent> kNone;
  const std::vector<domain::FileEvent>* read_events =
      &kNone;  // the memo's, shared with the file's other streams
  if (read || now - last_read_ >= timing_.unwoken_read) {
    last_read_ = now;
    const auto key = std::make_pair(file_id_, last_seq_);
    auto known = memo.events.find(key);
    if (known == memo.events.end()) {
      known = memo.events
                  .emplace(key, db_.read([&](store::SqlSession& sql) {
                    return store::event_store::listForFileAfter(sql, file_id_, last_seq_, kEventBatch);
                  }))
                  .first;
    }
    read_events = &known->second;
    // More than one batch waiting: the next turn reads on.
    if (read_events->size() == static_cast<std::size_t>(kEventBatch)) last_read_ = TimePoint{};
  }
  const std::vector<domain::FileEvent>& events = *read_events;
  // An event is only sent to a reader who may still read the file.
  if (!events.empty() && !allowed(memo)) return std::nullopt;
  for (const auto& event : events) {
    auto rendered = memo.rendered.find({file_id_, event.seq});
    if (rendered == memo.rendered.end()) {
      rendered = memo.rendered
                     .emplace(std::make_pair(file_id_, event.seq),
                              "id: " + std::to_string(event.seq) +
                                  "\nevent: file_event\ndata: " + render_(event) + "\n\n")
                     .first;
    }
    out += rendered->second;
    last_seq_ = event.seq;
  }
  if (!events.empty()) {
    last_write_ = now;
  } else if (now - last_write_ >= timing_.keepalive) {
    out += ": keepalive\n\n";
    last_write_ = now;
  }
  return out;
}

}  // namespace cqpm::live
