#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

namespace cqpm::auth {

/// A counting semaphore bounding the Argon2 computations running at once.
/// Each one holds its memory cost (19 MiB by default) and a core for tens of
/// milliseconds: 48 logins at once took 1.28 GB and starved /healthz for 3 s.
/// Each slot also owns the working memory of its computations, kept from one
/// to the next: memory for hashing is then slots x memory cost, for good.
/// (Left to malloc, every thread's arena that ever hashed kept its 19 MiB
/// resident after free, up to 8 arenas a core; asking the system afresh each
/// time cost 100 ms of page faults per hash here.) Thread-safe.
class HashingSlots {
 public:
  /// How long an attempt may wait for a slot before it is refused. Argon2 at
  /// the OWASP cost takes 30-60 ms on one core here, so a queue of about four
  /// attempts per slot drains within it; a longer queue means a flood, and a
  /// quick 503 (the client retries) is kinder than piling up waiting threads,
  /// each of which holds one of the server's workers.
  static constexpr std::chrono::milliseconds kDefaultMaxWait{200};
  /// Retry-After, in seconds, of an attempt refused for want of a slot.
  static constexpr int kRetryAfterSeconds = 1;

  /// `slots` at least 1.
  explicit HashingSlots(int slots, std::chrono::milliseconds max_wait = kDefaultMaxWait);

  /// A slot held until destruction.
  class Slot {
   public:
    Slot(HashingSlots& owner, std::size_t index) : owner_(&owner), index_(index) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_), index_(other.index_) { other.owner_ = nullptr; }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot();

    /// This slot's working memory, used by its holder only; it keeps its size
    /// (the largest memory cost it served) for the next holder.
    std::vector<std::uint8_t>& memory() { return owner_->memory_[index_]; }

   private:
    HashingSlots* owner_;
    std::size_t index_;
  };

  /// Waits at most max_wait for a free slot. Throws Error{kUnavailable,
  /// details.retry_after = kRetryAfterSeconds} when none frees in time.
  Slot acquire();

  int slots() const { return slots_; }
  /// Computations running now (for tests and metrics).
  int inUse() const;

  /// The number of cores (at least 1): the default cap.
  static int defaultSlots();

 private:
  void release(std::size_t index);

  const int slots_;
  const std::chrono::milliseconds max_wait_;
  std::vector<std::vector<std::uint8_t>> memory_;  // one per slot, never resized: touched by its holder only
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::size_t> free_;  // guarded by mutex_: the slots not held
};

}  // namespace cqpm::auth
