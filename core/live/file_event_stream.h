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
};

/// Writes a file's new events as server-sent events:
///   id: <seq>\nevent: file_event\ndata: <render(event)>\n\n
/// It polls the event log (an indexed read of the file's events after the
/// last seq sent), so events written by any instance reach it within one poll.
/// Returns when the client goes away (`client_gone`, or a failed write) or the
/// hub shuts down.
class FileEventStream {
 public:
  using Render = std::function<std::string(const domain::FileEvent&)>;

  FileEventStream(store::Database& db, StreamHub& hub, std::string file_id, std::int64_t after_seq,
                  Render render, StreamTiming timing = {})
      : db_(db),
        hub_(hub),
        file_id_(std::move(file_id)),
        last_seq_(after_seq),
        render_(std::move(render)),
        timing_(timing) {}

  void run(std::ostream& out, const std::function<bool()>& client_gone);

 private:
  store::Database& db_;
  StreamHub& hub_;
  std::string file_id_;
  std::int64_t last_seq_;
  Render render_;
  StreamTiming timing_;
};

}  // namespace cqpm::live
