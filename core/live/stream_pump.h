#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "live/file_event_stream.h"

namespace cqpm::live {

/// One thread that serves every open live stream, so that a stream holds a
/// socket, not a server thread. Every `tick` it serves each stream (keep-alive,
/// access checks, a client that left); wake() serves at once the streams of
/// the files a commit changed, and those only, so that an event reaches its
/// readers as soon as it is committed while idle streams cost nothing but
/// their tick. Serving a stream asks its feed what to send and writes it
/// without blocking; a stream ends when its feed says so, its client closes
/// the connection, or its client reads too slowly (more than
/// kMaxPendingBytes waiting). Thread-safe.
class StreamPump {
 public:
  /// An answer whose head was sent: the socket, detached from the HTTP
  /// server, and what feeds it. `ended` runs once when it ends (logs, metrics).
  struct Stream {
    Poco::Net::StreamSocket socket;
    std::shared_ptr<FileEventStream> feed;
    std::function<void()> ended;
  };

  explicit StreamPump(std::chrono::milliseconds tick) : tick_(tick) {}
  ~StreamPump() { stop(); }
  StreamPump(const StreamPump&) = delete;
  StreamPump& operator=(const StreamPump&) = delete;

  void start();
  /// Serves `stream` from the next turn on; ends it at once when stopped.
  void add(Stream stream);
  /// Serves now the streams of the files `file_ids` (committed changes).
  void wake(const std::vector<std::string>& file_ids);
  /// Has every stream read its feed at the next turn (changes may have been missed).
  void wakeAll();
  /// Ends every stream and joins the thread.
  void stop();
  int streams() const;

 private:
  struct Served {
    Stream stream;
    std::string pending;  ///< written by the feed, not yet taken by the socket
    bool fresh = false;   ///< just added: served at once, whatever woke the pump
  };

  void run();
  /// Serves one turn of `served`; false when it has ended.
  bool turn(Served& served, FileEventStream::TimePoint now, bool woken, TurnMemo& memo);
  static void end(Served& served);

  const std::chrono::milliseconds tick_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Stream> added_;              // guarded by mutex_
  std::unordered_set<std::string> woken_;  // guarded by mutex_
  bool all_woken_ = false;                 // guarded by mutex_
  int served_count_ = 0;                   // guarded by mutex_
  bool stopping_ = false;                  // guarded by mutex_
  std::thread thread_;
};

}  // namespace cqpm::live
