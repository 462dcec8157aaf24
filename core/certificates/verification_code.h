#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cqpm::certificates {

/// A fresh random verification code (Crockford base32, 12 symbols grouped by 4: "K7QM-4XPA-9RTE";
/// 60 bits from common/random_bytes). Thread-safe. Throws Error{kInternal} if the CSPRNG fails.
std::string newVerificationCode();

/// The canonical form of what a person typed (upper-case, O→0, I/L→1, dashes and spaces ignored),
/// grouped "XXXX-XXXX-XXXX", or nullopt if it cannot be a code (wrong length, U or other symbols).
std::optional<std::string> normaliseVerificationCode(std::string_view typed);

}  // namespace cqpm::certificates
