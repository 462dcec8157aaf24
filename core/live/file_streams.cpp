#include "live/file_streams.h"

#include "store/event_store.h"

namespace cqpm::live {

std::int64_t FileStreams::lastSeq(const std::string& file_id) const {
  return db_.read([&](store::SqlSession& sql) { return store::event_store::lastSeq(sql, file_id); });
}

std::shared_ptr<FileEventStream> FileStreams::open(std::unique_ptr<StreamHub::Slot> slot, std::string file_id,
                                                   std::int64_t after_seq, FileEventStream::Render render,
                                                   std::function<bool()> still_allowed,
                                                   StreamTiming timing) const {
  return std::make_shared<FileEventStream>(db_, hub_, std::move(slot), std::move(file_id), after_seq,
                                           std::move(render), std::move(still_allowed), timing);
}

}  // namespace cqpm::live
