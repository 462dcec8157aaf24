#pragma once

#include <optional>
#include <string>

namespace cqpm {

/// The whole content of a file, as bytes, or nullopt when it cannot be read.
std::optional<std::string> readWholeFile(const std::string& path);

/// Like readWholeFile, but a missing or unreadable file is
/// Error{kInvalidConfiguration, "cannot read <path>"} (start-up data).
std::string readRequiredFile(const std::string& path);

}  // namespace cqpm
