#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/exchange.h"

namespace cqpm::http {

/// Who may call a route at all; finer rules (role, scope) are core's, in the services.
enum class Access { kPublic, kAuthenticated };

using Handler = std::function<Response(Request&)>;

/// One line of the route table.
struct Route {
  std::string method;
  std::string
      pattern;  ///< "/api/v1/files/{id}/events": literal segments and {params}; a last {rest+} takes the rest
  Access access;
  Handler handler;
  /// The handler reads the body itself from Request::raw (uploads, streamed to
  /// disk under their own limit); the connection is closed after the answer.
  bool streams_body = false;
  /// The media type a (non-streamed) body must have: JSON everywhere but the CSV of candidate imports.
  std::string body_type = "application/json";
};

/// Result of matching a request line against the table.
struct RouteMatch {
  const Route* route = nullptr;  ///< null when nothing matched
  bool path_matched = false;     ///< the path exists for another method (405)
  std::map<std::string, std::string> params;
};

/// Matches paths against patterns segment by segment. The patterns are split once, here, not at
/// every request (splitting them per request was a tenth of a cheap GET). Immutable after
/// construction, so shared by every request thread.
class Router {
 public:
  explicit Router(std::vector<Route> routes);

  RouteMatch match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    std::string text;  ///< the literal, or the parameter's name
    bool is_param = false;
  };
  struct CompiledPattern {
    std::vector<Segment> segments;
    bool takes_rest = false;  ///< the last parameter takes the rest of the path
  };

  static CompiledPattern compile(const std::string& pattern);
  /// Fills *params (when given) only once the whole path matched.
  static bool matches(const CompiledPattern& pattern, const std::vector<std::string_view>& path,
                      std::map<std::string, std::string>* params);

  std::vector<Route> routes_;
  std::vector<CompiledPattern> patterns_;  ///< one per route, same order
};

}  // namespace cqpm::http
