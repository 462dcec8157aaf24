#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace cqpm::net {

/// Counts the open connections of each client address, so that one client
/// cannot take every connection the server can hold. Addresses `exempt` says
/// so (the reverse proxies, which carry many clients' connections) are counted
/// but never capped. Thread-safe.
class AddressCounter {
 public:
  /// One connection's place; gives it back when destroyed. Move-only.
  class Ticket {
   public:
    Ticket() = default;
    Ticket(AddressCounter* counter, std::string address) : counter_(counter), address_(std::move(address)) {}
    Ticket(Ticket&& other) noexcept : counter_(other.counter_), address_(std::move(other.address_)) {
      other.counter_ = nullptr;
    }
    Ticket& operator=(Ticket&& other) noexcept;
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    ~Ticket() { release(); }

    const std::string& address() const { return address_; }

   private:
    void release();

    AddressCounter* counter_ = nullptr;
    std::string address_;
  };

  AddressCounter(int max_per_address, std::function<bool(const std::string&)> exempt)
      : max_per_address_(max_per_address), exempt_(std::move(exempt)) {}

  /// A place for one more connection from `address`, or nullopt when it
  /// already holds max_per_address.
  std::optional<Ticket> tryTake(const std::string& address);
  int total() const;

 private:
  void giveBack(const std::string& address);

  const int max_per_address_;
  const std::function<bool(const std::string&)> exempt_;
  mutable std::mutex mutex_;
  std::map<std::string, int> open_;  // guarded by mutex_
  int total_ = 0;                    // guarded by mutex_
};

}  // namespace cqpm::net
