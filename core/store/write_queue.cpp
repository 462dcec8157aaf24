#include "store/write_queue.h"

#include <algorithm>
#include <vector>

namespace cqpm::store {

WriteQueue::WriteQueue(std::size_t max_batch, BatchRunner run_batch)
    : max_batch_(std::max<std::size_t>(max_batch, 1)), run_batch_(std::move(run_batch)) {}

void WriteQueue::submit(const std::function<void(SqlSession&)>& work) {
  QueuedWrite mine;
  mine.work = &work;
  std::unique_lock lock(mutex_);
  queue_.push_back(&mine);
  released_.wait(lock, [&] { return mine.done || queue_.front() == &mine; });
  if (!mine.done) {
    // This caller leads: the batch is the head of the queue, itself first.
    const std::size_t size = std::min(queue_.size(), max_batch_);
    const std::vector<QueuedWrite*> batch(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
    lock.unlock();
    try {
      run_batch_(batch);
    } catch (...) {
      // A runner records outcomes itself; should it throw, no caller may
      // believe its write committed.
      for (QueuedWrite* write : batch) {
        if (!write->error) write->error = std::current_exception();
      }
    }
    lock.lock();
    for (std::size_t i = 0; i < size; ++i) {
      queue_.front()->done = true;
      queue_.pop_front();
    }
    lock.unlock();
    released_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

std::uint64_t WriteQueue::queued() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace cqpm::store
