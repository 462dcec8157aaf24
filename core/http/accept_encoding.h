#pragma once

#include <string>

namespace cqpm::http {

/// How much the client wants the content coding `coding` ("gzip", "br"),
/// read from its Accept-Encoding header (RFC 9110 §12.5.3): the q-value of the
/// coding's own entry, else of "*", else 0. An absent or empty header accepts
/// no coding (identity only); "gzip;q=0" refuses gzip; a malformed q-value
/// counts as 0 (refused) rather than guessed. Names compare case-insensitively.
double acceptedQuality(const std::string& accept_encoding, const std::string& coding);

}  // namespace cqpm::http
