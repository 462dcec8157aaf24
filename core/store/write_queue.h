#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>

namespace cqpm::store {

class SqlSession;

/// One unit of write work waiting in a WriteQueue: the caller's callback and,
/// once its batch ran, how it ended.
struct QueuedWrite {
  const std::function<void(SqlSession&)>* work = nullptr;
  std::exception_ptr error;  ///< empty: committed
  bool done = false;
};

/// Group commit: callers queue their write units in arrival order and block;
/// the caller at the head of the queue becomes the leader, takes every unit
/// queued so far (at most `max_batch`) and hands them to `run_batch`, which
/// runs them in one transaction and records each one's outcome; then every
/// caller of the batch is released. While a leader commits, the next arrivals
/// queue up and form the next batch, so under load one fsync acknowledges many
/// writes, and alone a write runs at once (a batch of one, no added wait).
/// No thread of its own: the leader is always a waiting caller, as in
/// LevelDB's writer queue. Thread-safe.
class WriteQueue {
 public:
  using BatchRunner = std::function<void(std::span<QueuedWrite* const> batch)>;

  WriteQueue(std::size_t max_batch, BatchRunner run_batch);

  /// Queues `work`, returns once the batch holding it has committed, and
  /// rethrows what `run_batch` recorded for it.
  void submit(const std::function<void(SqlSession&)>& work);

  /// Writes queued or running (for metrics; a snapshot).
  std::uint64_t queued();

 private:
  const std::size_t max_batch_;
  const BatchRunner run_batch_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::deque<QueuedWrite*> queue_;  // guarded by mutex_; the head's caller leads
};

}  // namespace cqpm::store
