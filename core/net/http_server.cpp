#include "net/http_server.h"

#include <Poco/Net/NetException.h>

#include "common/error.h"
#include "net/request_runner.h"

namespace cqpm::net {

namespace {

// Requests served back to back on one worker when the client sends its next
// one at once; beyond, the connection queues like everyone else's.
constexpr int kRequestsPerTurn = 32;
// How long a worker waits on its connection for the client's next request
// before giving the connection back to the acceptor, when no other connection
// waits for a worker: a keep-alive client sends it within tens of
// microseconds of reading the answer, and each hand-off costs two epoll_ctl,
// two wake-ups and a context switch (docs/lessons.md).
constexpr std::chrono::microseconds kLingerForNextRequest{1000};

}  // namespace

HttpServer::HttpServer(const std::string& bind, int port, const ConnectionLimits& limits,
                       Poco::Net::HTTPRequestHandler& handler, Refusal refusal,
                       std::function<bool(const std::string&)> exempt_from_cap)
    : limits_(limits),
      handler_(handler),
      refusal_(std::move(refusal)),
      params_(new Poco::Net::HTTPServerParams),
      counter_(limits.max_connections_per_client, std::move(exempt_from_cap)) {
  params_->setKeepAlive(true);
  params_->setTimeout(Poco::Timespan(limits.read_timeout_seconds, 0));
  // SO_REUSEADDR (restart at once over old connections in TIME_WAIT) but never
  // SO_REUSEPORT, which Poco's one-step constructor also sets: with it a second
  // server on the same port starts "fine" and the kernel splits the clients
  // between the two.
  Poco::Net::ServerSocket listener;
  try {
    listener.bind(Poco::Net::SocketAddress(bind, static_cast<Poco::UInt16>(port)), true, false);
  } catch (const Poco::Net::NetException& e) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "cannot listen on " + bind + ":" + std::to_string(port) + " (" + e.displayText() +
                    "): is another server using this port?",
                "port");
  }
  listener.listen(256);
  workers_ = std::make_unique<WorkerPool>(limits.max_threads, limits.max_queued,
                                          [this](Connection&& connection) { serve(std::move(connection)); });
  acceptor_ = std::make_unique<Acceptor>(
      listener, limits, counter_, [this](Connection& connection) { return workers_->trySubmit(connection); },
      refusal_);
}

HttpServer::~HttpServer() {
  stopAccepting();
  join();
}

void HttpServer::start() { acceptor_->start(); }

void HttpServer::stopAccepting() {
  stopping_ = true;
  acceptor_->stop();
}

void HttpServer::cutBusyConnections() {
  std::lock_guard lock(in_flight_mutex_);
  for (auto* socket : in_flight_) {
    try {
      socket->shutdown();
    } catch (const Poco::Exception&) {
      // Already closed.
    }
  }
}

void HttpServer::join() {
  if (workers_) workers_->stop();
}

void HttpServer::serve(Connection&& given) {
  Connection connection = std::move(given);
  {
    std::lock_guard lock(in_flight_mutex_);
    in_flight_.insert(&connection.socket);
  }
  AfterRequest after = AfterRequest::kClose;
  for (int turn = 0; turn < kRequestsPerTurn; ++turn) {
    after = serveOneRequest(connection, params_, handler_, refusal_, stopping_);
    if (after == AfterRequest::kClose) break;
    const auto linger = workers_->othersWaiting() ? std::chrono::microseconds(0) : kLingerForNextRequest;
    if (!nextHeadWaiting(connection, limits_.max_head_bytes, linger)) break;
  }
  {
    std::lock_guard lock(in_flight_mutex_);
    in_flight_.erase(&connection.socket);
  }
  if (after == AfterRequest::kKeepAlive) acceptor_->giveBack(std::move(connection));
}

}  // namespace cqpm::net
