#pragma once

#include <optional>
#include <string>

#include "http/exchange.h"

namespace cqpm::http {

/// The request's If-Match header, or nullopt when it has none (the services
/// answer that with 428: their writes need the version the client read).
std::optional<std::string> ifMatchOf(const Request& request);

}  // namespace cqpm::http
