#pragma once

#include <chrono>
#include <functional>
#include <ostream>
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
      2000};  ///< how often the reader's right to the file is checked again
};

/// Writes a file's new events as server-sent events:
///   id: <seq>\nevent: file_event\ndata: <render(event)>\n\n
/// It polls the event log (an indexed read of the file's events after the
/// last seq sent), so events written by any instance reach it within one poll.
/// Returns when the client goes away (`client_gone`, or a failed write), the
/// hub shuts down or closes `slot` (the reader's account was deactivated), or
/// `still_allowed()` says the reader lost the file (logged out, session
/// revoked by any instance, removed from the file's scope).
class FileEventStream {
 public:
  using Render = std::function<std::string(const domain::FileEvent&)>;

  /// Borrows `hub` and `slot`, which must outlive run().
  FileEventStream(store::Database& db, StreamHub& hub, const StreamHub::Slot& slot, std::string file_id,
                  std::int64_t after_seq, Render render, std::function<bool()> still_allowed,
                  StreamTiming timing = {})
      : db_(db),
        hub_(hub),
        slot_(slot),
        file_id_(std::move(file_id)),
        last_seq_(after_seq),
        render_(std::move(render)),
        still_allowed_(std::move(still_allowed)),
        timing_(timing) {}

  void run(std::ostream& out, const std::function<bool()>& client_gone);

 private:
  store::Database& db_;
  StreamHub& hub_;
  const StreamHub::Slot& slot_;
  std::string file_id_;
  std::int64_t last_seq_;
  Render render_;
  std::function<bool()> still_allowed_;
  StreamTiming timing_;
};

}  // namespace cqpm::live
