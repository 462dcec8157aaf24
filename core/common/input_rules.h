#pragma once

#include <Poco/Dynamic/Var.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace cqpm {

/// What a text field may hold. Declared next to the field it governs
/// (`constexpr TextLimit kJuryPlace{200};`), so the limit is read where the field is.
struct TextLimit {
  std::size_t max_chars;    ///< Unicode characters (code points), not bytes
  bool multi_line = false;  ///< line feeds and tabs allowed (free texts: reasons, comments)
};

/// The inclusive range an integer field may take.
struct IntegerRange {
  std::int64_t min;
  std::int64_t max;
};

/// A version number a client read and writes against (expected_version): 1 up to
/// 2^53 - 1, the largest integer a JavaScript client holds exactly.
inline constexpr IntegerRange kVersionRange{1, (std::int64_t{1} << 53) - 1};

/// Checks `value` as a text field named `field` (a JSON path, "candidate.email"):
/// a JSON string; valid UTF-8; no control character (C0, DEL, C1), except line feed
/// and tab when `limit.multi_line`; at most `limit.max_chars` characters; not blank
/// unless `allow_blank`. Returns the text in Unicode NFC (unicode_text.h). Throws
/// Error{kInvalidField, field} saying which rule failed, never echoing the bad bytes.
std::string checkedText(const Poco::Dynamic::Var& value, const std::string& field, TextLimit limit,
                        bool allow_blank = false);

/// The same rules applied to text already extracted.
void checkText(std::string_view text, const std::string& field, TextLimit limit, bool allow_blank = false);

/// Checks `value` as an integer field: a JSON number with no fractional part (1.0
/// counts; true, "12" and 1.5 do not) within `range`. Numbers outside the 64-bit
/// range (which the request reader turns into floating point, see
/// http/json_body.h) are out of range. Throws Error{kInvalidField, field}.
std::int64_t checkedInteger(const Poco::Dynamic::Var& value, const std::string& field, IntegerRange range);

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view text);
/// How many leading bytes of `text` are well-formed UTF-8 (text.size() when all are).
std::size_t validUtf8Prefix(std::string_view text);

/// `text` cut to at most `max_chars` characters, the last of them "…" when it was
/// longer; never cuts a UTF-8 sequence (invalid bytes count as one character each).
std::string truncatedText(std::string_view text, std::size_t max_chars);

/// `text` safe to quote in an error message or a log line: printable ASCII and
/// valid UTF-8 kept, every other byte written \xNN, cut to `max_chars` characters
/// with "…" when longer. Errors name what was refused without echoing raw bytes.
std::string printable(std::string_view text, std::size_t max_chars = 80);

}  // namespace cqpm
