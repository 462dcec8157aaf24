#include "common/input_rules.h"

#include <cmath>

#include "common/error.h"
#include "common/unicode_text.h"

namespace cqpm {

namespace {

// Decodes the UTF-8 sequence at `at`: its code point and length, or length 0 when the
// bytes are not well-formed (overlong forms, surrogates and code points past U+10FFFF
// included, as RFC 3629 says).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;
};

Decoded decodeAt(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {};
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return {};
  }
  return {code_point, length};
}

bool isControl(char32_t code_point) {
  return code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point <= 0x9F);
}

[[noreturn]] void refuse(const std::string& field, const std::string& what) {
  throw Error(ErrorCode::kInvalidField, field + " " + what, field);
}

std::string hexOf(unsigned value, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string text;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) text += kDigits[(value >> shift) & 0xF];
  return text;
}

}  // namespace

std::size_t validUtf8Prefix(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const Decoded decoded = decodeAt(text, at);
    if (decoded.length == 0) break;
    at += decoded.length;
  }
  return at;
}

bool isValidUtf8(std::string_view text) { return validUtf8Prefix(text) == text.size(); }

void checkText(std::string_view text, const std::string& field, TextLimit limit, bool allow_blank) {
  std::size_t characters = 0;
  bool blank = true;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = decodeAt(text, at);
    if (decoded.length == 0) refuse(field, "is not valid UTF-8 (byte " + std::to_string(at) + ")");
    const char32_t c = decoded.code_point;
    const bool allowed_break = limit.multi_line && (c == '\n' || c == '\t');
    if (isControl(c) && !allowed_break) {
      refuse(field, "holds a control character (U+" + hexOf(static_cast<unsigned>(c), 4) + ") at character " +
                        std::to_string(characters + 1) +
                        (limit.multi_line ? "; only line feeds and tabs are allowed"
                                          : "; it is a single line of text"));
    }
    if (c != ' ' && c != '\n' && c != '\t') blank = false;
    ++characters;
    at += decoded.length;
  }
  if (characters > limit.max_chars) {
    refuse(field, "is longer than " + std::to_string(limit.max_chars) + " characters (" +
                      std::to_string(characters) + ")");
  }
  if (blank && !allow_blank) refuse(field, text.empty() ? "is required" : "is blank");
}

std::string checkedText(const Poco::Dynamic::Var& value, const std::string& field, TextLimit limit,
                        bool allow_blank) {
  if (!value.isString()) refuse(field, "must be a string");
  std::string text = value.extract<std::string>();
  // Kept composed (NFC): the same name typed on two keyboards is the same text, and the limit
  // counts the characters a person sees. Invalid UTF-8 is left for checkText to refuse.
  if (isValidUtf8(text)) text = toNfc(text);
  checkText(text, field, limit, allow_blank);
  return text;
}

std::int64_t checkedInteger(const Poco::Dynamic::Var& value, const std::string& field, IntegerRange range) {
  const std::string expected =
      "must be an integer from " + std::to_string(range.min) + " to " + std::to_string(range.max);
  // A Var holding a bool says isInteger(): JSON's true is not 1.
  if (value.isEmpty() || value.isBoolean() || value.isString() || !value.isNumeric()) refuse(field, expected);
  std::int64_t number = 0;
  if (value.isInteger()) {
    if (!value.isSigned()) {
      // An unsigned 64-bit value: past INT64_MAX it is out of every range we accept.
      const auto unsigned_number = value.convert<std::uint64_t>();
      if (unsigned_number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        refuse(field, expected);
      }
      number = static_cast<std::int64_t>(unsigned_number);
    } else {
      number = value.convert<std::int64_t>();
    }
  } else {
    const double real = value.convert<double>();
    // Only integers a double holds exactly (|x| < 2^53) are taken from a float.
    if (!std::isfinite(real) || std::trunc(real) != real || std::fabs(real) >= 9007199254740992.0) {
      refuse(field, expected);
    }
    number = static_cast<std::int64_t>(real);
  }
  if (number < range.min || number > range.max) refuse(field, expected);
  return number;
}

std::string truncatedText(std::string_view text, std::size_t max_chars) {
  if (max_chars == 0) return {};
  std::size_t characters = 0;
  std::size_t cut = 0;  // the byte where character max_chars - 1 ends
  for (std::size_t at = 0; at < text.size();) {
    const Decoded decoded = decodeAt(text, at);
    at += decoded.length == 0 ? 1 : decoded.length;
    ++characters;
    if (characters == max_chars - 1) cut = at;
    if (characters > max_chars) return std::string(text.substr(0, cut)) + "…";
  }
  return std::string(text);
}

std::string printable(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size();) {
    if (characters == max_chars) return out + "…";
    const Decoded decoded = decodeAt(text, at);
    if (decoded.length == 0 || isControl(decoded.code_point)) {
      const auto byte = static_cast<unsigned char>(text[at]);
      out += "\\x" + hexOf(byte, 2);
      at += 1;
    } else {
      out.append(text.substr(at, decoded.length));
      at += decoded.length;
    }
    ++characters;
  }
  return out;
}

}  // namespace cqpm
