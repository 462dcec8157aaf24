#include "common/text_fields.h"

#include <Poco/RegularExpression.h>
#include <Poco/UTF8Encoding.h>

#include "common/error.h"
#include "common/iso_date.h"

namespace cqpm {

namespace {

bool isValidUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = 0; at < text.size();) {
    const unsigned char lead = bytes[at];
    const int length = lead < 0x80                    ? 1
                       : lead >= 0xC2 && lead <= 0xDF ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
    if (length == 0 || at + static_cast<std::size_t>(length) > text.size()) return false;
    if (!Poco::UTF8Encoding::isLegal(bytes + at, length)) return false;
    at += static_cast<std::size_t>(length);
  }
  return true;
}

}  // namespace

void requireText(const std::string& value, const std::string& field, std::size_t max_bytes, bool multi_line) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorCode::kInvalidField, field + " is required", field);
  }
  if (value.size() > max_bytes) {
    throw Error(ErrorCode::kInvalidField, field + " is longer than " + std::to_string(max_bytes) + " bytes",
                field);
  }
  if (!isValidUtf8(value)) {
    throw Error(ErrorCode::kInvalidField, field + " is not valid UTF-8", field);
  }
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    const bool line_break = c == '\n' || c == '\r';
    if ((byte < 0x20 && !(multi_line && line_break) && c != '\t') || byte == 0x7F) {
      throw Error(ErrorCode::kInvalidField, field + " holds a control character", field);
    }
  }
}

void requireEmail(const std::string& value, const std::string& field) {
  static const Poco::RegularExpression kEmail(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  requireText(value, field, 254);
  if (!kEmail.match(value)) throw Error(ErrorCode::kInvalidField, field + " is not an e-mail address", field);
}

void requireBirthDate(const std::string& value, const std::string& field) {
  const auto date = parseIsoDate(value);
  if (!date) throw Error(ErrorCode::kInvalidField, field + " must be a date written YYYY-MM-DD", field);
  if (date->year() < 1900 || *date >= Poco::DateTime()) {
    throw Error(ErrorCode::kInvalidField, field + " is not a plausible birth date", field);
  }
}

}  // namespace cqpm
