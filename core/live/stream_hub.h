#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace cqpm::live {

/// Bookkeeping of the open live streams (server-sent events). Each open
/// stream holds one HTTP server thread for as long as it lasts, so their
/// number is capped below the server's max_threads (keep room for ordinary
/// requests). shutdown() wakes every stream so the server's stop never waits
/// on them. Thread-safe.
class StreamHub {
 public:
  /// Releases its place when destroyed.
  class Slot {
   public:
    explicit Slot(StreamHub& hub) : hub_(hub) {}
    ~Slot();
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    StreamHub& hub_;
  };

  explicit StreamHub(int max_streams) : max_streams_(max_streams) {}

  /// A place for one more stream, or null when all are taken or the server is stopping.
  std::unique_ptr<Slot> tryOpen();
  /// Waits up to `timeout`; returns false as soon as the server is stopping.
  bool waitFor(std::chrono::milliseconds timeout);
  /// Ends every stream (now and from now on).
  void shutdown();
  int openStreams() const;

 private:
  const int max_streams_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  int open_ = 0;           // guarded by mutex_
  bool stopping_ = false;  // guarded by mutex_
};

}  // namespace cqpm::live
