#include "common/text_fields.h"

#include <Poco/RegularExpression.h>

#include "common/error.h"
#include "common/input_rules.h"
#include "common/iso_date.h"

namespace cqpm {

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

void requireBirthDate(const std::string& value, const std::string& field, const Poco::Timestamp& now) {
  const auto date = parseIsoDate(value);
  if (!date) throw Error(ErrorCode::kInvalidField, field + " must be a date written YYYY-MM-DD", field);
  if (date->year() < 1900 || *date >= Poco::DateTime(now)) {
    throw Error(ErrorCode::kInvalidField, field + " is not a plausible birth date", field);
  }
}

}  // namespace cqpm
