#include "live/file_event_stream.h"

#include "store/event_store.h"

namespace cqpm::live {

namespace {

constexpr int kBatch = 100;
// EventSource reconnects after this many milliseconds when the stream ends.
constexpr const char* kRetry = "retry: 2000\n\n";

}  // namespace

void FileEventStream::run(std::ostream& out, const std::function<bool()>& client_gone) {
  using Clock = std::chrono::steady_clock;
  out << kRetry << std::flush;
  auto last_write = Clock::now();
  auto last_check = Clock::now();
  while (out) {
    if (Clock::now() - last_check >= timing_.access_check) {
      if (still_allowed_ && !still_allowed_()) return;
      last_check = Clock::now();
    }
    const auto events = db_.read([&](store::SqlSession& sql) {
      return store::event_store::listForFileAfter(sql, file_id_, last_seq_, kBatch);
    });
    for (const auto& event : events) {
      out << "id: " << event.seq << "\nevent: file_event\ndata: " << render_(event) << "\n\n";
      last_seq_ = event.seq;
    }
    if (!events.empty()) {
      out.flush();
      last_write = Clock::now();
      if (events.size() == static_cast<std::size_t>(kBatch)) continue;  // more are waiting
    } else if (Clock::now() - last_write >= timing_.keepalive) {
      out << ": keepalive\n\n" << std::flush;
      last_write = Clock::now();
    }
    if (!out || client_gone()) return;
    if (!hub_.waitFor(slot_, timing_.poll)) return;
  }
}

}  // namespace cqpm::live
