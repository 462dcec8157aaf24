#include "net/address_counter.h"

namespace cqpm::net {

AddressCounter::Ticket& AddressCounter::Ticket::operator=(Ticket&& other) noexcept {
  if (this != &other) {
    release();
    counter_ = other.counter_;
    address_ = std::move(other.address_);
    other.counter_ = nullptr;
  }
  return *this;
}

void AddressCounter::Ticket::release() {
  if (counter_) counter_->giveBack(address_);
  counter_ = nullptr;
}

std::optional<AddressCounter::Ticket> AddressCounter::tryTake(const std::string& address) {
  const bool exempt = exempt_ && exempt_(address);
  std::lock_guard lock(mutex_);
  int& open = open_[address];
  if (!exempt && open >= max_per_address_) {
    if (open == 0) open_.erase(address);
    return std::nullopt;
  }
  ++open;
  ++total_;
  return Ticket(this, address);
}

int AddressCounter::total() const {
  std::lock_guard lock(mutex_);
  return total_;
}

void AddressCounter::giveBack(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto found = open_.find(address);
  if (found == open_.end()) return;
  --total_;
  if (--found->second == 0) open_.erase(found);
}

}  // namespace cqpm::net
