#pragma once

#include <Poco/Timestamp.h>

#include <cstddef>
#include <string>

namespace cqpm {

/// Checks a required text field: not blank, at most `max_bytes` bytes, valid
/// UTF-8, no control character (line breaks only when `multi_line`). Throws
/// Error{kInvalidField, field} saying which.
void requireText(const std::string& value, const std::string& field, std::size_t max_bytes,
                 bool multi_line = false);

/// Checks an e-mail address (required, at most 254 bytes, one @, a dot in
/// the domain, no spaces). Throws Error{kInvalidField, field}.
void requireEmail(const std::string& value, const std::string& field);

/// Checks a birth date written YYYY-MM-DD: a real calendar day, from 1900,
/// before `now` (the caller's clock). Throws Error{kInvalidField, field}.
void requireBirthDate(const std::string& value, const std::string& field, const Poco::Timestamp& now);

}  // namespace cqpm
