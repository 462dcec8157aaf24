#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/file_event.h"
#include "live/stream_hub.h"
#include "store/database.h"

namespace cqpm::live {

/// Timing of a live stream.
struct StreamTiming {
  /// The pump's tick: how often each stream is served unwoken (keep-alive,
  /// access check, a client that left). Events do not wait for it: a commit
  /// wakes the streams of its files at once (StreamPump::wake).
  std::chrono::milliseconds poll{250};
  /// How often a stream reads the event log without being woken: a safety net
  /// for a change no notification announced (a lost PostgreSQL connection, a
  /// command-line write to SQLite).
  std::chrono::milliseconds unwoken_read{15000};
  std::chrono::milliseconds keepalive{15000};  ///< a comment line this often keeps proxies from closing
  /// How often an idle reader's right to the file is checked again; it is also
  /// checked before every event, and this instance's logouts and
  /// deactivations end streams at once (StreamHub).
  std::chrono::milliseconds access_check{10000};
};

/// What the streams served in one turn of the pump share, so that a file
/// with many readers costs one read of its events, one rendering of each, and
/// one access check per session, not one per stream. Lives for one turn.
struct TurnMemo {
  std::map<std::pair<std::string, std::int64_t>, std::vector<domain::FileEvent>>
      events;  ///< (file, after seq)
  std::map<std::pair<std::string, std::int64_t>, std::string>
      rendered;                                                 ///< (file, seq): one renderer for all
  std::map<std::pair<std::string, std::string>, bool> allowed;  ///< (session token, file)
};

/// The server-sent events of one reader of one file, produced turn by turn
/// (the StreamPump calls next() every tick and when a commit changed the file;
/// no thread waits here):
///   id: <seq>\nevent: file_event\ndata: <render(event)>\n\n
/// It reads the event log (an indexed read of the file's events after the
/// last seq sent) when woken, at its first turn, and every unwoken_read.
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
  /// `woken`: a commit changed the file since the last turn.
  std::optional<std::string> next(TimePoint now, bool woken, TurnMemo& memo);
  const std::string& fileId() const { return file_id_; }
  const StreamTiming& timing() const { return timing_; }

 private:
  store::Database& db_;
  StreamHub& hub_;
  std::unique_ptr<StreamHub::Slot> slot_;
  std::string file_id_;
  std::int64_t last_seq_;
  Render render_;
  std::function<bool()> still_allowed_;
  bool allowed(TurnMemo& memo);

  StreamTiming timing_;
  bool started_ = false;
  TimePoint last_write_;
  TimePoint last_check_;
  TimePoint last_read_;
};

}  // namespace cqpm::live
