#pragma once

#include <string>
#include <string_view>

namespace cqpm {

/// Unpadded base64url (RFC 4648 §5) of `bytes`, on one line: tokens in URLs and cookies, list
/// cursors, JSON Web Keys and signatures.
std::string base64Url(std::string_view bytes);

/// The bytes of unpadded base64url `text`. Throws Error{kInvalidField, field} naming `field` when
/// `text` holds anything but the alphabet's 64 characters.
std::string fromBase64Url(std::string_view text, const std::string& field);

}  // namespace cqpm
