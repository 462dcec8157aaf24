#include "http/router.h"

#include <Poco/StringTokenizer.h>

namespace cqpm::http {
namespace {

std::vector<std::string> segments(const std::string& path) {
  Poco::StringTokenizer tokens(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  return {tokens.begin(), tokens.end()};
}

bool matchPattern(const std::string& pattern, const std::vector<std::string>& path,
                  std::map<std::string, std::string>& params) {
  const auto parts = segments(pattern);
  // A last segment "{name+}" takes the rest of the path, one segment or more.
  const bool rest = !parts.empty() && parts.back().size() > 3 && parts.back().ends_with("+}");
  if (rest ? path.size() < parts.size() : parts.size() != path.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (rest && i + 1 == parts.size()) {
      std::string tail;
      for (std::size_t j = i; j < path.size(); ++j) tail += (j > i ? "/" : "") + path[j];
      found[part.substr(1, part.size() - 3)] = tail;
      break;
    }
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      found[part.substr(1, part.size() - 2)] = path[i];
    } else if (part != path[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  const auto path_segments = segments(path);
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matchPattern(route.pattern, path_segments, params)) continue;
    result.path_matched = true;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
  }
  return result;
}

}  // namespace cqpm::http
