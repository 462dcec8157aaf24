#pragma once

#include <optional>
#include <string>

#include "http/exchange.h"

namespace cqpm::http {

/// Serves the built front end (web/dist). Unknown paths that are not files get
/// index.html, so the pages' own routes survive a reload. Paths are resolved
/// inside the root only; source maps are never served.
///
/// Compression is done once, at web build time (web/scripts/compress-dist.mjs
/// writes `name.br` and `name.gz` beside each compressible asset): a request
/// gets the variant its Accept-Encoding prefers (q-values honoured, q=0
/// refuses), with Content-Encoding, `Vary: Accept-Encoding` and an ETag of its
/// own. A variant older than its file is ignored (a stale copy is never
/// served). If-None-Match matching the ETag answers 304.
///
/// Hashed assets (under assets/) are cached for a year, immutable; index.html
/// and everything else is `no-cache` (revalidated through its ETag).
/// Thread-safe: no state, files are read per request.
class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  /// The response for a GET or HEAD of `request.path` (its Accept-Encoding and
  /// If-None-Match read), or nullopt when there is no front end.
  std::optional<Response> serve(const Request& request) const;

 private:
  std::string root_;
};

}  // namespace cqpm::http
