#pragma once

#include <memory>
#include <string>

#include "support/instance.h"
#include "support/nginx_proxy.h"
#include "support/test_server.h"

// The deployment deploy/README.md documents, on one test host: the test's
// server (instance A) and a second instance B over the same PostgreSQL
// database, each with its own data folder, the documents folder shared
// (B's is a link to A's, as one mounted volume), and nginx in front of both
// with the shipped configuration.

namespace cqpm::testing {

class TwoInstanceDeployment {
 public:
  /// `second_as_process`: B is the real binary (CQPM_BIN) in a child process,
  /// which a test may kill -9; otherwise an in-process server.
  explicit TwoInstanceDeployment(TestServer& first, bool second_as_process = false);
  ~TwoInstanceDeployment();
  TwoInstanceDeployment(const TwoInstanceDeployment&) = delete;
  TwoInstanceDeployment& operator=(const TwoInstanceDeployment&) = delete;

  /// Empty when everything answers through nginx; else what does not.
  const std::string& problem() const { return problem_; }
  std::string describe() const;
  int nginxPort() const { return nginx_ ? nginx_->port() : 0; }
  /// The in-process second instance (not in process mode).
  RunningInstance& second() { return *second_; }
  int secondPort() const { return second_port_; }
  /// Process mode: SIGKILL the second instance; restart() starts it again on its folder.
  void killSecond();
  std::string restartSecond();
  const std::string& secondFolder() const { return folder_; }

 private:
  std::string waitThroughNginx();

  std::string folder_;
  std::unique_ptr<RunningInstance> second_;
  std::unique_ptr<ServerProcess> second_process_;
  int second_port_ = 0;
  std::unique_ptr<NginxProxy> nginx_;
  std::string problem_;
};

}  // namespace cqpm::testing
