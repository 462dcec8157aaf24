#pragma once

#include <cstddef>

namespace cqpm::net {

/// How much the HTTP server gives each client. Slow or greedy clients are
/// bounded by time (head deadline, idle keep-alive) and by number (per client
/// address, the workers' queue), never by holding a worker thread: a
/// connection only reaches a worker once its whole request head has arrived.
struct ConnectionLimits {
  int max_threads = 64;  ///< workers serving requests whose head has arrived
  int max_queued = 256;  ///< complete heads waiting for a worker; beyond, 503
  /// Seconds a request head may take from its first byte (from accepting the
  /// connection for its first request); beyond, 408 and the connection closes.
  int head_deadline_seconds = 10;
  int keep_alive_seconds = 5;              ///< an idle connection closes after this
  int read_timeout_seconds = 15;           ///< one socket read or write of a request being served
  int max_connections_per_client = 64;     ///< open connections per address (proxies exempt); beyond, 429
  std::size_t max_head_bytes = 32 * 1024;  ///< request line and headers; beyond, 431
};

}  // namespace cqpm::net
