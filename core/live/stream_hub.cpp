#include "live/stream_hub.h"

#include <algorithm>

namespace cqpm::live {

StreamHub::Slot::~Slot() {
  std::lock_guard lock(hub_.mutex_);
  std::erase(hub_.open_, this);
}

std::unique_ptr<StreamHub::Slot> StreamHub::tryOpen(const std::string& user_id,
                                                    const std::string& organisation_id,
                                                    const std::string& session_token) {
  std::lock_guard lock(mutex_);
  if (stopping_ || static_cast<int>(open_.size()) >= max_streams_) return nullptr;
  const auto of_user = std::count_if(open_.begin(), open_.end(), [&](const Slot* slot) {
    return slot->user_id_ == user_id && !slot->closed_;
  });
  if (of_user >= max_streams_per_user_) return nullptr;
  auto slot = std::make_unique<Slot>(*this, user_id, organisation_id, session_token);
  open_.push_back(slot.get());
  return slot;
}

bool StreamHub::isOpen(const Slot& slot) const {
  std::lock_guard lock(mutex_);
  return !stopping_ && !slot.closed_;
}

void StreamHub::shutdown() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
}

void StreamHub::closeUser(const std::string& user_id) {
  std::lock_guard lock(mutex_);
  for (Slot* slot : open_) {
    if (slot->user_id_ == user_id) slot->closed_ = true;
  }
}

void StreamHub::closeOrganisation(const std::string& organisation_id) {
  std::lock_guard lock(mutex_);
  for (Slot* slot : open_) {
    if (slot->organisation_id_ == organisation_id) slot->closed_ = true;
  }
}

void StreamHub::closeSession(const std::string& session_token) {
  std::lock_guard lock(mutex_);
  for (Slot* slot : open_) {
    if (slot->session_token_ == session_token) slot->closed_ = true;
  }
}

int StreamHub::openStreams() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(open_.size());
}

}  // namespace cqpm::live
