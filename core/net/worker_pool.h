#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "net/connection.h"

namespace cqpm::net {

/// A fixed number of threads serving connections whose request head has
/// arrived, from a bounded queue. Thread-safe.
class WorkerPool {
 public:
  using Serve = std::function<void(Connection&&)>;

  WorkerPool(int threads, int max_queued, Serve serve);
  ~WorkerPool() { stop(); }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues `connection` for a worker; false (and `connection` untouched)
  /// when max_queued are waiting already or the pool is stopping.
  bool trySubmit(Connection& connection);
  /// Connections queued or being served.
  int busy() const;
  /// Whether connections are queued for a worker.
  bool othersWaiting() const;
  /// Serves what is queued, then joins the threads.
  void stop();

 private:
  void work();

  const std::size_t max_queued_;
  const Serve serve_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Connection> queue_;  // guarded by mutex_
  int serving_ = 0;               // guarded by mutex_
  bool stopping_ = false;         // guarded by mutex_
  std::vector<std::thread> threads_;
};

}  // namespace cqpm::net
