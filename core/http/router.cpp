#include "http/router.h"

namespace cqpm::http {
namespace {

/// The path's non-empty segments ("/a//b/" -> a, b), viewing the path: no copy per request.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) parts.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

Router::CompiledPattern Router::compile(const std::string& pattern) {
  CompiledPattern compiled;
  for (const std::string_view part : segments(pattern)) {
    Segment segment;
    if (part.size() > 3 && part.front() == '{' && part.ends_with("+}")) {
      // A last segment "{name+}" takes the rest of the path, one segment or more.
      segment.text = part.substr(1, part.size() - 3);
      segment.is_param = true;
      compiled.takes_rest = true;
    } else if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      segment.text = part.substr(1, part.size() - 2);
      segment.is_param = true;
    } else {
      segment.text = part;
    }
    compiled.segments.push_back(std::move(segment));
  }
  return compiled;
}

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  patterns_.reserve(routes_.size());
  for (const Route& route : routes_) patterns_.push_back(compile(route.pattern));
}

bool Router::matches(const CompiledPattern& pattern, const std::vector<std::string_view>& path,
                     std::map<std::string, std::string>* params) {
  const std::size_t count = pattern.segments.size();
  if (pattern.takes_rest ? path.size() < count : path.size() != count) return false;
  for (std::size_t i = 0; i < count; ++i) {
    const Segment& segment = pattern.segments[i];
    if (!segment.is_param && segment.text != path[i]) return false;
  }
  if (params == nullptr) return true;
  for (std::size_t i = 0; i < count; ++i) {
    const Segment& segment = pattern.segments[i];
    if (!segment.is_param) continue;
    std::string value(path[i]);
    if (pattern.takes_rest && i + 1 == count) {
      for (std::size_t j = i + 1; j < path.size(); ++j) value.append("/").append(path[j]);
    }
    (*params)[segment.text] = std::move(value);
  }
  return true;
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  const auto path_segments = segments(path);
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(patterns_[i], path_segments, nullptr)) continue;
    result.path_matched = true;
    const Route& route = routes_[i];
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      result.route = &route;
      matches(patterns_[i], path_segments, &result.params);
      return result;
    }
  }
  return result;
}

}  // namespace cqpm::http
