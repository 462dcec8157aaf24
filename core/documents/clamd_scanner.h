#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "documents/upload_scanner.h"

namespace cqpm::documents {

/// Where clamd listens and how long it may take (settings cqpm.antivirus.*).
struct ClamdSettings {
  std::string socket_path;   ///< clamd's LocalSocket; empty: uploads are not scanned
  int timeout_seconds = 30;  ///< connecting, each write, and the wait for the verdict
};

/// ClamAV's daemon (Debian's clamav-daemon) over its unix socket, with the
/// INSTREAM command: "zINSTREAM\0", the file in chunks each preceded by its
/// length (4 bytes, big-endian), a zero length to end; clamd answers
/// "stream: OK" or "stream: <signature> FOUND" (NUL-terminated). One
/// connection per scan, closed when it ends (RAII), so nothing is shared
/// between threads: thread-safe.
class ClamdScanner : public UploadScanner {
 public:
  explicit ClamdScanner(ClamdSettings settings);

  /// See UploadScanner::scan. Error{kUnavailable} when clamd cannot be reached,
  /// does not answer within the timeout, or answers anything but a verdict
  /// (for example "INSTREAM size limit exceeded" when the file is larger than
  /// clamd's StreamMaxLength): the reason and socket path are logged, the
  /// message stays public. Error{kInternal} if the file cannot be read.
  std::optional<std::string> scan(const std::string& path) override;

  /// Asks clamd "PING" and expects "PONG". Error{kUnavailable} naming why not
  /// (nothing is logged: start-up checks and tests poll with it).
  void ping() override;

 private:
  ClamdSettings settings_;
};

}  // namespace cqpm::documents
