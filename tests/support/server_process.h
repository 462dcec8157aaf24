#pragma once

#include <Poco/Process.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

// The real server binary as a child process, for the tests and benchmarks that
// must kill it, restart it or measure it alone (crash test, upload benchmark).

namespace cqpm::testing {

/// The last `max_lines` lines of a text file, each prefixed with "  | ".
std::string tailOf(const std::string& path, std::size_t max_lines = 40);

/// A loopback port nobody listens on right now (the system picks it).
int freePort();

/// "exited with status N" or "was killed by signal N" (Poco reports a death
/// by signal as 256 + the signal number).
std::string describeExit(int status);

/// The server binary as a child process, stdout and stderr appended to a log
/// file. The destructor SIGKILLs and reaps it if it still runs, so no server
/// outlives a failed assertion. Not thread-safe.
class ServerProcess {
 public:
  ServerProcess(std::string binary, std::vector<std::string> args, std::string log_path)
      : binary_(std::move(binary)), args_(std::move(args)), log_path_(std::move(log_path)) {}
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void start();
  /// True while the process has not exited; reaps it when it has.
  bool running();
  /// SIGKILL, then waits for the process to be gone.
  void kill9();
  /// SIGTERM (graceful stop), then SIGKILL after `patience`. Returns the exit status.
  int terminate(std::chrono::seconds patience = std::chrono::seconds(15));
  /// Polls /readyz on `port` until it answers 200. Returns an empty string when
  /// ready, else why not (the server exited, or was not ready in time).
  std::string waitUntilReady(int port, std::chrono::seconds patience);

  /// The server's process id (0 before start).
  int pid() const;
  /// Exit status as Poco reports it (a signal shows as a non-zero value), or -1 while running.
  int exitStatus() const { return exit_status_; }
  std::string logTail() const { return "server log " + log_path_ + " (last lines):\n" + tailOf(log_path_); }

 private:
  std::string binary_;
  std::vector<std::string> args_;
  std::string log_path_;
  std::unique_ptr<Poco::ProcessHandle> handle_;
  int exit_status_ = -1;
};

}  // namespace cqpm::testing
