#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "support/server_process.h"

// Debian's nginx serving one static file, the baseline of the read benchmark:
// what a request costs when the server does nothing but send bytes it holds.

namespace cqpm::bench {

/// /usr/sbin/nginx in the foreground (a master and `workers` worker processes)
/// on a free loopback port, serving `content` as /<file_name> from a folder of
/// its own, keep-alive on, no access log. Stopped (SIGTERM, which also ends
/// the workers; SIGKILL after 5 s) and its folder removed when destroyed.
class StaticNginx {
 public:
  StaticNginx(const std::string& file_name, const std::string& content, int workers);
  ~StaticNginx();
  StaticNginx(const StaticNginx&) = delete;
  StaticNginx& operator=(const StaticNginx&) = delete;

  /// Waits until the file is served (200); throws with nginx's error log if
  /// not within `patience`.
  void waitUntilServing(std::chrono::seconds patience);
  /// The sockets each worker process holds open (its listening socket
  /// included), worker by worker: taken during a phase, less the same count
  /// taken idle, it shows how the connections were spread over the workers.
  std::vector<int> socketsPerWorker() const;
  int port() const { return port_; }
  int pid() const { return process_->pid(); }

 private:
  std::string describe() const;

  std::string dir_;
  std::string file_name_;
  int port_ = 0;
  std::unique_ptr<testing::ServerProcess> process_;
};

}  // namespace cqpm::bench
