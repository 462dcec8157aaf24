#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cqpm::http {

/// The headers every answer carries, errors and refused connections
/// included. `https`: the public URL is https, so browsers are told to come
/// back over https only (HSTS).
std::vector<std::pair<std::string, std::string>> securityHeaders(bool https);

}  // namespace cqpm::http
