#include "http/security_headers.h"

namespace cqpm::http {

std::vector<std::pair<std::string, std::string>> securityHeaders(bool https) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"},
  };
  // One year, as browsers' preload lists ask; only ever sent for an https
  // deployment, since it would lock plain-http users out.
  if (https) headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  return headers;
}

}  // namespace cqpm::http
