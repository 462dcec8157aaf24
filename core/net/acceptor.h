#pragma once

#include <Poco/Net/PollSet.h>
#include <Poco/Net/ServerSocket.h>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"
#include "net/address_counter.h"
#include "net/connection.h"
#include "net/connection_limits.h"
#include "net/waker.h"

namespace cqpm::net {

/// The one thread that accepts connections and watches every connection that
/// is not being served: new ones and idle keep-alive ones, until a whole
/// request head has arrived (then `ready` hands it to a worker). No worker
/// waits for a slow client: a head that does not arrive within the head
/// deadline is answered 408, an idle connection closes after the keep-alive
/// timeout, a client already holding its share of connections gets 429.
/// Bytes are only peeked here (SO_RCVLOWAT keeps a partial head from waking
/// the poll again until more arrives), so the worker parses the head from the
/// socket itself.
class Acceptor {
 public:
  /// Takes a connection whose head is complete; false when no worker can take
  /// it (the acceptor answers 503 and closes it).
  using Ready = std::function<bool(Connection&)>;
  /// The bytes to answer before closing a connection refused for `error`.
  using Refusal = std::function<std::string(const Error& error)>;

  Acceptor(const Poco::Net::ServerSocket& listener, const ConnectionLimits& limits, AddressCounter& counter,
           Ready ready, Refusal refusal);
  ~Acceptor() { stop(); }
  Acceptor(const Acceptor&) = delete;
  Acceptor& operator=(const Acceptor&) = delete;

  void start();
  /// Stops accepting and closes every connection it watches; connections given
  /// back afterwards are closed.
  void stop();
  /// A served connection waits here for its next request. Thread-safe.
  void giveBack(Connection&& connection);
  int port() const { return port_; }

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  struct Watched {
    Connection connection;
    TimePoint deadline;
    bool head_started = false;  ///< some bytes of a head have arrived
    int low_water = 1;          ///< the SO_RCVLOWAT in force
  };

  void run();
  void acceptWaiting();
  void watch(Connection&& connection, TimePoint now);
  void inspect(int fd);
  void expire(TimePoint now);
  void takeGivenBack(TimePoint now);
  void refuse(Connection& connection, const Error& error);
  /// Stops watching the connection and hands it over (it must be watched).
  Connection release(int fd);
  std::chrono::milliseconds untilNextDeadline(TimePoint now) const;

  Poco::Net::ServerSocket listener_;
  const ConnectionLimits limits_;
  AddressCounter& counter_;
  const Ready ready_;
  const Refusal refusal_;
  int port_ = 0;
  Waker waker_;
  Poco::Net::PollSet poll_set_;     // only the acceptor's thread touches it
  std::map<int, Watched> watched_;  // by socket descriptor; only the acceptor's thread touches it
  std::mutex mutex_;
  std::vector<Connection> given_back_;  // guarded by mutex_
  bool stopping_ = false;               // guarded by mutex_
  std::thread thread_;
};

}  // namespace cqpm::net
