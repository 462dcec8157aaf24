#pragma once

#include <optional>
#include <string>

#include "http/exchange.h"

namespace cqpm::http {

/// Serves the built front end (web/dist). Unknown paths that are not files get
/// index.html, so the pages' own routes survive a reload. Paths are resolved
/// inside the root only. Thread-safe (reads files per request).
class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  /// The response for GET `path`, or nullopt when there is no front end.
  std::optional<Response> serve(const std::string& path) const;

 private:
  std::string root_;
};

}  // namespace cqpm::http
