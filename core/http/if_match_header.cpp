#include "http/if_match_header.h"

namespace cqpm::http {

std::optional<std::string> ifMatchOf(const Request& request) {
  const std::string value = request.header("If-Match");
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace cqpm::http
