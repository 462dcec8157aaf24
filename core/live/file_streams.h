#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "live/file_event_stream.h"
#include "live/stream_hub.h"
#include "store/database.h"

namespace cqpm::live {

/// Opens the live streams of files' events for the HTTP layer, which never
/// reaches the database itself. Thread-safe; borrows what it is given.
class FileStreams {
 public:
  FileStreams(store::Database& db, StreamHub& hub) : db_(db), hub_(hub) {}

  /// The seq of the file's last event (0 for none): a new stream starts after it.
  std::int64_t lastSeq(const std::string& file_id) const;

  /// A stream of the file's events after `after_seq`, holding `slot`; see FileEventStream.
  std::shared_ptr<FileEventStream> open(std::unique_ptr<StreamHub::Slot> slot, std::string file_id,
                                        std::int64_t after_seq, FileEventStream::Render render,
                                        std::function<bool()> still_allowed, StreamTiming timing) const;

 private:
  store::Database& db_;
  StreamHub& hub_;
};

}  // namespace cqpm::live
