#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cqpm::live {

/// Bookkeeping of the open live streams (server-sent events). Each open
/// stream holds one HTTP server thread for as long as it lasts, so their
/// number is capped below the server's max_threads (keep room for ordinary
/// requests). shutdown() wakes every stream so the server's stop never waits
/// on them; closeUser() and closeOrganisation() end the streams of a
/// deactivated account or organisation at once. Thread-safe.
class StreamHub {
 public:
  /// One open stream's place; released when destroyed.
  class Slot {
   public:
    Slot(StreamHub& hub, std::string user_id, std::string organisation_id)
        : hub_(hub), user_id_(std::move(user_id)), organisation_id_(std::move(organisation_id)) {}
    ~Slot();
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    friend class StreamHub;
    StreamHub& hub_;
    const std::string user_id_;
    const std::string organisation_id_;
    bool closed_ = false;  // guarded by hub_.mutex_
  };

  explicit StreamHub(int max_streams) : max_streams_(max_streams) {}

  /// A place for one more stream of `user_id` (a member of `organisation_id`),
  /// or null when all are taken or the server is stopping.
  std::unique_ptr<Slot> tryOpen(const std::string& user_id, const std::string& organisation_id);
  /// Waits up to `timeout`; returns false as soon as the server is stopping
  /// or `slot` was closed.
  bool waitFor(const Slot& slot, std::chrono::milliseconds timeout);
  /// Ends every stream (now and from now on).
  void shutdown();
  /// Ends the open streams of one account / of every member of one organisation.
  void closeUser(const std::string& user_id);
  void closeOrganisation(const std::string& organisation_id);
  int openStreams() const;

 private:
  const int max_streams_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Slot*> open_;  // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
};

}  // namespace cqpm::live
