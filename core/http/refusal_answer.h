#pragma once

#include <string>

#include "common/error.h"

namespace cqpm::http {

/// The whole HTTP/1.1 answer (status line, headers, JSON error body) sent to
/// a connection refused before a request could be handled (too many
/// connections, a head too slow, too large or malformed, no free worker):
/// the same JSON error shape and security headers as every other answer, and
/// Connection: close.
std::string refusalAnswer(const Error& error, bool https);

}  // namespace cqpm::http
