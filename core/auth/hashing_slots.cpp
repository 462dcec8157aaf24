#include "auth/hashing_slots.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <thread>

#include "common/error.h"

namespace cqpm::auth {

HashingSlots::HashingSlots(int slots, std::chrono::milliseconds max_wait)
    : slots_(std::max(1, slots)), max_wait_(max_wait), memory_(static_cast<std::size_t>(slots_)) {
  for (std::size_t i = 0; i < memory_.size(); ++i) free_.push_back(i);
}

HashingSlots::Slot::~Slot() {
  if (owner_) owner_->release(index_);
}

HashingSlots::Slot HashingSlots::acquire() {
  std::unique_lock lock(mutex_);
  if (!freed_.wait_for(lock, max_wait_, [this] { return !free_.empty(); })) {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("retry_after", kRetryAfterSeconds);
    throw Error(ErrorCode::kUnavailable,
                "too many password checks at once; try again in " + std::to_string(kRetryAfterSeconds) + " s",
                "", details);
  }
  const std::size_t index = free_.back();
  free_.pop_back();
  return Slot(*this, index);
}

void HashingSlots::release(std::size_t index) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(index);
  }
  freed_.notify_one();
}

int HashingSlots::inUse() const {
  std::lock_guard lock(mutex_);
  return slots_ - static_cast<int>(free_.size());
}

int HashingSlots::defaultSlots() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace cqpm::auth
