#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/file_event.h"
#include "live/stream_hub.h"
#include "store/database.h"

namespace cqpm::live {

/// Timing of a live stream.
struct StreamTiming {
  std::chrono::milliseconds poll{250};         ///< how often the event log is read
  std::chrono::milliseconds keepalive{15000};  ///< a comment line this often keeps proxies from closing
  std::chrono::milliseconds access_check{
      2000};  ///< how often the reader's right to the file is checked again (and before every event)
};

/// The server-sent events of one reader of one file, produced turn by turn
/// (the StreamPump calls next() every poll interval; no thread waits here):
///   id: <seq>\nevent: file_event\ndata: <render(event)>\n\n
/// It reads the event log (an indexed read of the file's events after the
/// last seq sent), so events written by any instance arrive within one turn.
/// The stream ends when the hub closes its slot (account deactivated, logout,
/// server stopping) or `still_allowed()` says the reader lost the file
/// (session expired or revoked by any instance, removed from the file's
/// scope): checked every access_check and before any event is sent.
class FileEventStream {
 public:
  using Render = std::function<std::string(const domain::FileEvent&)>;
  using TimePoint = std::chrono::steady_clock::time_point;

  /// Borrows `db` and `hub`, which must outlive it.
  FileEventStream(store::Database& db, StreamHub& hub, std::unique_ptr<StreamHub::Slot> slot,
                  std::string file_id, std::int64_t after_seq, Render render,
                  std::function<bool()> still_allowed, StreamTiming timing = {})
      : db_(db),
        hub_(hub),
        slot_(std::move(slot)),
        file_id_(std::move(file_id)),
        last_seq_(after_seq),
        render_(std::move(render)),
        still_allowed_(std::move(still_allowed)),
        timing_(timing) {}

  /// What to send now (possibly nothing), or nullopt when the stream is over.
  std::optional<std::string> next(TimePoint now);
  const StreamTiming& timing() const { return timing_; }

 private:
  store::Database& db_;
  StreamHub& hub_;
  std::unique_ptr<StreamHub::Slot> slot_;
  std::string file_id_;
  std::int64_t last_seq_;
  Render render_;
  std::function<bool()> still_allowed_;
  StreamTiming timing_;
  bool started_ = false;
  TimePoint last_write_;
  TimePoint last_check_;
};

}  // namespace cqpm::live
