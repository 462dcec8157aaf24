#include "net/worker_pool.h"

#include <Poco/Logger.h>

namespace cqpm::net {

WorkerPool::WorkerPool(int threads, int max_queued, Serve serve)
    : max_queued_(static_cast<std::size_t>(max_queued)), serve_(std::move(serve)) {
  threads_.reserve(static_cast<std::size_t>(threads));
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

bool WorkerPool::trySubmit(Connection& connection) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(connection));
  }
  wake_.notify_one();
  return true;
}

int WorkerPool::busy() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(queue_.size()) + serving_;
}

bool WorkerPool::othersWaiting() const {
  std::lock_guard lock(mutex_);
  return !queue_.empty();
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

void WorkerPool::work() {
  for (;;) {
    Connection connection;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to serve
      connection = std::move(queue_.front());
      queue_.pop_front();
      ++serving_;
    }
    try {
      serve_(std::move(connection));
    } catch (const std::exception& e) {
      // Serve answers every request's failures itself; this is a last resort
      // that keeps the worker alive.
      Poco::Logger::get("http").error("a connection ended on an unexpected error: %s", std::string(e.what()));
    }
    std::lock_guard lock(mutex_);
    --serving_;
  }
}

}  // namespace cqpm::net
