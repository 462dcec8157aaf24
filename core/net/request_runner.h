#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerParams.h>

#include <chrono>
#include <functional>
#include <string>

#include "common/error.h"
#include "net/connection.h"

namespace cqpm::net {

/// What happens to a connection after one request.
enum class AfterRequest {
  kKeepAlive,  ///< it may carry another request: watch it again
  kClose,      ///< it was closed (or must be)
};

/// Serves one request of `connection`, whose whole head has arrived: parses
/// it with Poco, hands it to `handler` (which answers everything, errors
/// included), and tells whether the connection may carry another request.
/// A head Poco cannot parse is answered `refusal(malformed_request)` and the
/// connection closes. A handler that detaches the socket from the request
/// (a live stream handed to the stream pump) takes the connection: it is
/// left open and answered kClose. Runs on a worker thread.
AfterRequest serveOneRequest(Connection& connection, Poco::Net::HTTPServerParams::Ptr params,
                             Poco::Net::HTTPRequestHandler& handler,
                             const std::function<std::string(const Error&)>& refusal, bool stopping);

/// True when a whole next request head is waiting on `connection`, already
/// or within `wait` (a client that sends it right after reading our answer),
/// so it can be served at once without a round trip through the acceptor.
bool nextHeadWaiting(Connection& connection, std::size_t max_head_bytes, std::chrono::microseconds wait);

}  // namespace cqpm::net
