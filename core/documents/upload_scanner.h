#pragma once

#include <optional>
#include <string>

namespace cqpm::documents {

/// A malware scanner that uploads pass through before they are kept. The
/// document service calls it with the received bytes (a temporary file), out
/// of any database transaction: scanning is I/O and may take seconds.
/// Deployments without an antivirus have none (the service then skips it).
class UploadScanner {
 public:
  virtual ~UploadScanner() = default;

  /// Scans the file at `path` (borrowed, read only). Returns the name of the
  /// signature found, or nothing when the file is clean. Throws
  /// Error{kUnavailable} with details.retry_after when the scanner cannot give
  /// a verdict (down, unreachable, too slow, refusing the file): the upload
  /// must then be refused, never kept unscanned. Thread-safe.
  virtual std::optional<std::string> scan(const std::string& path) = 0;
  /// Checks the scanner answers (for /readyz); throws Error{kUnavailable} when not.
  virtual void ping() = 0;
};

}  // namespace cqpm::documents
