#pragma once

#include <cstddef>
#include <string>

namespace cqpm {

/// `count` bytes from the operating system's CSPRNG. Throws Error{kInternal} if it fails.
std::string randomBytes(std::size_t count);

/// `count` random bytes encoded as unpadded base64url (for tokens in URLs and cookies).
std::string randomToken(std::size_t count);

}  // namespace cqpm
