#pragma once

#include <string>
#include <vector>

namespace cqpm {

/// An opaque cursor of a paginated list: its parts (the sort keys of the last
/// item served), encoded as unpadded base64url.
std::string encodeCursor(const std::vector<std::string>& parts);

/// The `count` parts of a cursor made by encodeCursor. Throws
/// Error{kInvalidField, "cursor"} for anything this server did not issue.
std::vector<std::string> decodeCursor(const std::string& cursor, std::size_t count);

}  // namespace cqpm
