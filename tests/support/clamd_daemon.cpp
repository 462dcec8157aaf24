#include "support/clamd_daemon.h"

#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/error.h"
#include "support/test_database.h"

namespace cqpm::testing {

namespace fs = std::filesystem;

namespace {

constexpr const char* kClamd = "/usr/sbin/clamd";

std::string hexOf(const std::string& bytes) {
  std::string hex;
  for (unsigned char c : bytes) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", c);
    hex += pair;
  }
  return hex;
}

}  // namespace

ClamdDaemon::ClamdDaemon() {
  if (!fs::exists(kClamd)) {
    failure_ = std::string(kClamd) +
               " is missing: install Debian's clamav-daemon (deploy/install-dependencies.sh does)";
    return;
  }
  dir_ = makeTempDir("cqpm-clamd");
  socket_ = dir_ + "/clamd.sock";
  fs::create_directory(dir_ + "/db");
  // Body-based signature: name, any file type (0), any offset (*), the bytes in hex.
  std::ofstream(dir_ + "/db/eicar.ndb") << "Eicar-Test-Signature:0:*:" << hexOf(kEicar) << "\n";
  std::ofstream(dir_ + "/clamd.conf") << "Foreground yes\n"
                                      << "LocalSocket " << socket_ << "\n"
                                      << "DatabaseDirectory " << dir_ << "/db\n"
                                      << "TemporaryDirectory " << dir_ << "\n"
                                      << "LogFile " << dir_ << "/clamd.log\n"
                                      << "PidFile " << dir_ << "/clamd.pid\n"
                                      << "StreamMaxLength 30M\n"
                                      << "SelfCheck 3600\n";
  process_ = std::make_unique<ServerProcess>(
      kClamd, std::vector<std::string>{"--config-file=" + dir_ + "/clamd.conf"}, dir_ + "/clamd.out");
  process_->start();
  documents::ClamdScanner scanner(settings(2));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::string last = "no answer yet";
  while (std::chrono::steady_clock::now() < deadline) {
    if (!process_->running()) {
      failure_ = "clamd " + describeExit(process_->exitStatus()) + " before answering PING\n" + logTail();
      return;
    }
    try {
      scanner.ping();
      return;
    } catch (const Error& e) {
      last = e.what();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  failure_ = "clamd did not answer PING within 30 s (" + last + ")\n" + logTail();
}

ClamdDaemon::~ClamdDaemon() {
  stop();
  if (!dir_.empty()) fs::remove_all(dir_);
}

void ClamdDaemon::stop() {
  if (!process_) return;
  resume();  // a stopped process ignores SIGTERM until continued
  process_->terminate(std::chrono::seconds(10));
}

void ClamdDaemon::pause() {
  if (process_ && process_->running() && !paused_) {
    ::kill(process_->pid(), SIGSTOP);
    paused_ = true;
  }
}

void ClamdDaemon::resume() {
  if (process_ && paused_) {
    ::kill(process_->pid(), SIGCONT);
    paused_ = false;
  }
}

std::string ClamdDaemon::logTail() const {
  return "clamd log " + dir_ + "/clamd.log (last lines):\n" + tailOf(dir_ + "/clamd.log") +
         tailOf(dir_ + "/clamd.out");
}

}  // namespace cqpm::testing
