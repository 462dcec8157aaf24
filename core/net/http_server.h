#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerParams.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "net/acceptor.h"
#include "net/address_counter.h"
#include "net/connection_limits.h"
#include "net/worker_pool.h"

namespace cqpm::net {

/// The HTTP/1.1 server: one acceptor thread watches every connection that is
/// waiting (for its first or next request head), a fixed pool of workers
/// serves requests whose head has arrived. A slow or idle client therefore
/// never holds a worker; see Acceptor for the limits that bound them.
class HttpServer {
 public:
  using Refusal = Acceptor::Refusal;

  /// Listens on bind:port (0: a free port). `handler` answers every request;
  /// `refusal` renders an error for a connection refused before any request
  /// could be parsed; `exempt_from_cap` names the addresses (proxies) whose
  /// connections are not capped. All three outlive the server.
  HttpServer(const std::string& bind, int port, const ConnectionLimits& limits,
             Poco::Net::HTTPRequestHandler& handler, Refusal refusal,
             std::function<bool(const std::string&)> exempt_from_cap);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();
  /// Stops accepting and closes idle connections; requests in flight go on
  /// and their connections close after their answer.
  void stopAccepting();
  /// Requests being served or queued.
  int busyConnections() const { return workers_ ? workers_->busy() : 0; }
  /// Shuts down the sockets of the requests still in flight, so their
  /// workers return at once (the last step of a bounded stop).
  void cutBusyConnections();
  /// Joins the workers (after stopAccepting).
  void join();
  int port() const { return acceptor_->port(); }
  int openConnections() const { return counter_.total(); }

 private:
  void serve(Connection&& connection);

  const ConnectionLimits limits_;
  Poco::Net::HTTPRequestHandler& handler_;
  const Refusal refusal_;
  Poco::Net::HTTPServerParams::Ptr params_;
  AddressCounter counter_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex in_flight_mutex_;
  std::set<Poco::Net::StreamSocket*> in_flight_;  // guarded by in_flight_mutex_
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<Acceptor> acceptor_;
};

}  // namespace cqpm::net
