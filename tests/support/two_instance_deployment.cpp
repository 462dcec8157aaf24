#include "support/two_instance_deployment.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace cqpm::testing {

namespace fs = std::filesystem;

TwoInstanceDeployment::TwoInstanceDeployment(TestServer& first, bool second_as_process)
    : folder_(makeTempDir("cqpm-instance-b")) {
  fs::create_directory_symlink(first.database().dataDir() + "/documents", folder_ + "/documents");
  if (second_as_process) {
    const char* binary = std::getenv("CQPM_BIN");
    if (!binary) {
      problem_ = "CQPM_BIN must name the server binary (ctest sets it)";
      return;
    }
    second_port_ = freePort();
    second_process_ = std::make_unique<ServerProcess>(
        binary,
        std::vector<std::string>{"serve", "--data", folder_, "--database", first.database().url(), "--bind",
                                 "127.0.0.1", "--port", std::to_string(second_port_), "--web",
                                 folder_ + "/no-web"},
        folder_ + "/server.log");
    problem_ = restartSecond();
    if (!problem_.empty()) return;
  } else {
    second_ = std::make_unique<RunningInstance>(first.database(), folder_);
    second_port_ = second_->server.port();
  }
  nginx_ = std::make_unique<NginxProxy>(std::vector<int>{first.port(), second_port_});
  problem_ = nginx_->available() ? waitThroughNginx() : nginx_->unavailableReason();
}

std::string TwoInstanceDeployment::waitThroughNginx() {
  const HttpClient through(nginx_->port());
  for (int attempt = 0; attempt < 200; ++attempt) {
    try {
      if (through.request("GET", "/readyz").status == 200) return {};
    } catch (const Poco::Exception&) {
      // nginx not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "nginx did not answer /readyz with 200 within 10 s";
}

void TwoInstanceDeployment::killSecond() {
  if (second_process_) second_process_->kill9();
}

std::string TwoInstanceDeployment::restartSecond() {
  second_process_->start();
  const std::string why = second_process_->waitUntilReady(second_port_, std::chrono::seconds(60));
  return why.empty() ? why : why + "\n" + second_process_->logTail();
}

TwoInstanceDeployment::~TwoInstanceDeployment() {
  nginx_.reset();
  second_.reset();
  second_process_.reset();  // SIGKILL if it still runs
  fs::remove_all(folder_);
}

std::string TwoInstanceDeployment::describe() const { return nginx_ ? nginx_->describe() : "no nginx"; }

}  // namespace cqpm::testing
