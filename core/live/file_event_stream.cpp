#include "live/file_event_stream.h"

#include "store/event_store.h"

namespace cqpm::live {

namespace {

constexpr int kEventBatch = 100;
// EventSource reconnects after this many milliseconds when the stream ends.
constexpr const char* kRetryPreamble = "retry: 2000\n\n";

}  // namespace

std::optional<std::string> FileEventStream::next(TimePoint now, bool woken) {
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
    if (still_allowed_ && !still_allowed_()) return std::nullopt;
    last_check_ = now;
  }
  std::vector<domain::FileEvent> events;
  if (read || now - last_read_ >= timing_.unwoken_read) {
    last_read_ = now;
    events = db_.read([&](store::SqlSession& sql) {
      return store::event_store::listForFileAfter(sql, file_id_, last_seq_, kEventBatch);
    });
    // More than one batch waiting: the next turn reads on.
    if (events.size() == static_cast<std::size_t>(kEventBatch)) last_read_ = TimePoint{};
  }
  // An event is only sent to a reader who may still read the file.
  if (!events.empty() && still_allowed_ && !still_allowed_()) return std::nullopt;
  for (const auto& event : events) {
    out += "id: " + std::to_string(event.seq) + "\nevent: file_event\ndata: " + render_(event) + "\n\n";
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
