#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/server_process.h"

// Debian's nginx in front of server instances, with the configuration the
// project ships (deploy/nginx/cqpm.conf) as an operator installs it, for the
// tests of the documented multi-instance deployment.

namespace cqpm::testing {

/// nginx in the foreground on a free loopback port, proxying to
/// `upstream_ports`, killed when destroyed. The shipped configuration is used
/// as it is but for what a test host cannot have: the upstream lines name the
/// test's instances, the HTTPS server listens in clear on the loopback port
/// (no certificate; the redirecting port-80 server is left out), logs and
/// temporary files go to a folder of the test's, and the login rate per
/// address allows a test's many logins from 127.0.0.1.
class NginxProxy {
 public:
  explicit NginxProxy(const std::vector<int>& upstream_ports);
  ~NginxProxy();
  NginxProxy(const NginxProxy&) = delete;
  NginxProxy& operator=(const NginxProxy&) = delete;

  /// False when nginx is not installed here (the reason says so).
  bool available() const { return reason_.empty(); }
  const std::string& unavailableReason() const { return reason_; }
  int port() const { return port_; }
  /// The configuration nginx runs, and the tail of its error log, for failure messages.
  std::string describe() const;

 private:
  std::string dir_;
  int port_ = 0;
  std::string reason_;
  std::unique_ptr<ServerProcess> process_;
};

/// The shipped site configuration turned into the test's (see NginxProxy).
std::string testSiteConfiguration(const std::string& shipped, const std::vector<int>& upstream_ports,
                                  int port, const std::string& log_dir);

}  // namespace cqpm::testing
