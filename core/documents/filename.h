#pragma once

#include <string>

namespace cqpm::documents {

/// A file name safe to store and to serve: the last path segment only, without
/// control characters, quotes or separators, at most 150 bytes (an extension of
/// at most 16 bytes kept), "document" when nothing is left. UTF-8 letters stay.
std::string sanitiseFilename(const std::string& name);

/// The lower-case extension of a file name ("pdf"), or empty.
std::string extensionOf(const std::string& name);

/// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 5987).
std::string contentDisposition(const std::string& filename);

}  // namespace cqpm::documents
