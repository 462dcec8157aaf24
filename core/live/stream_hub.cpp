#include "live/stream_hub.h"

namespace cqpm::live {

StreamHub::Slot::~Slot() {
  std::lock_guard lock(hub_.mutex_);
  --hub_.open_;
}

std::unique_ptr<StreamHub::Slot> StreamHub::tryOpen() {
  std::lock_guard lock(mutex_);
  if (stopping_ || open_ >= max_streams_) return nullptr;
  ++open_;
  return std::make_unique<Slot>(*this);
}

bool StreamHub::waitFor(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, timeout, [this] { return stopping_; });
}

void StreamHub::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
}

int StreamHub::openStreams() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace cqpm::live
