#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "documents/clamd_scanner.h"
#include "support/server_process.h"

// Debian's clamd (package clamav-daemon) as a test fixture: the internet is
// out of reach for freshclam, so the daemon loads only a signature file the
// test writes (the EICAR test signature), which also makes it start in well
// under a second.

namespace cqpm::testing {

/// The EICAR test file: harmless, detected by every antivirus as a test.
inline const std::string kEicar = R"(X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*)";
/// What clamd reports for it with the signature file written by ClamdDaemon
/// (signatures from a local .ndb file get the .UNOFFICIAL suffix).
inline const std::string kEicarSignature = "Eicar-Test-Signature.UNOFFICIAL";

/// clamd in the foreground, its configuration, socket, log and database in a
/// temporary folder; stopped (SIGTERM, then SIGKILL after a bounded wait) and
/// the folder removed when destroyed. The database holds one body-based
/// signature (eicar.ndb) matching the EICAR string anywhere in a file. When
/// clamd is not installed, or does not answer PING within 30 s, `failure()`
/// says so: tests fail on it (CI installs clamav-daemon through
/// deploy/install-dependencies.sh), never skip. Not thread-safe.
class ClamdDaemon {
 public:
  ClamdDaemon();
  ~ClamdDaemon();
  ClamdDaemon(const ClamdDaemon&) = delete;
  ClamdDaemon& operator=(const ClamdDaemon&) = delete;

  /// Empty when clamd answers; else why not, with the end of its log.
  const std::string& failure() const { return failure_; }
  /// What the server's cqpm.antivirus settings would hold (socket, timeout).
  documents::ClamdSettings settings(int timeout_seconds = 10) const { return {socket_, timeout_seconds}; }
  const std::string& socketPath() const { return socket_; }

  /// Stops clamd (SIGTERM, SIGKILL after 10 s); the socket is gone afterwards.
  void stop();
  /// Freezes clamd (SIGSTOP) so that it accepts connections but never answers; resume() undoes it.
  void pause();
  void resume();
  /// The end of clamd's log, for failure messages.
  std::string logTail() const;

 private:
  std::string dir_;
  std::string socket_;
  std::string failure_;
  std::unique_ptr<ServerProcess> process_;
  bool paused_ = false;
};

}  // namespace cqpm::testing
