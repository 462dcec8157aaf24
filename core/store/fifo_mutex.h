#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace cqpm::store {

/// A mutex that serves waiters in arrival order (a ticket lock). The single
/// database writer uses it: std::mutex lets the releasing thread take the lock
/// straight back, so under load a few requests wait for many transactions and
/// the latency tail grows; first come, first served bounds every wait by the
/// queue ahead of it. Meets the Lockable requirements; not recursive.
class FifoMutex {
 public:
  void lock() {
    std::unique_lock guard(mutex_);
    const std::uint64_t ticket = next_ticket_++;
    turn_.wait(guard, [&] { return now_serving_ == ticket; });
  }

  void unlock() {
    {
      std::lock_guard guard(mutex_);
      ++now_serving_;
    }
    turn_.notify_all();
  }

  /// Threads holding or waiting for the lock (for metrics; a snapshot).
  std::uint64_t queued() {
    std::lock_guard guard(mutex_);
    return next_ticket_ - now_serving_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ticket_ = 0;  // guarded by mutex_
  std::uint64_t now_serving_ = 0;  // guarded by mutex_
};

}  // namespace cqpm::store
