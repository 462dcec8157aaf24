#include "domain/civil_status.h"

#include <algorithm>

#include "common/error.h"

namespace cqpm::domain {

namespace {

bool allDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool isCivilStatusSex(std::string_view value) { return value == "F" || value == "M"; }

bool isBirthInseeCode(std::string_view value) {
  if (value.size() != 5) return false;
  if (value.starts_with("2A") || value.starts_with("2B")) return allDigits(value.substr(2));
  return allDigits(value);
}

std::optional<std::string> birthCountryCode(std::string_view insee_code) {
  if (!isBirthInseeCode(insee_code)) return std::nullopt;
  if (insee_code.starts_with("99")) return std::string(insee_code.substr(2));
  return "100";
}

void requireCivilStatusSex(const std::string& value, const std::string& field) {
  if (value.empty() || isCivilStatusSex(value)) return;
  throw Error(ErrorCode::kInvalidField, field + " must be F or M, as on the civil status", field);
}

void requireBirthInseeCode(const std::string& value, const std::string& field) {
  if (value.empty() || isBirthInseeCode(value)) return;
  throw Error(ErrorCode::kInvalidField,
              field +
                  " must be the INSEE code of the birth commune (5 characters, e.g. 69123 or 2A004), or 99 "
                  "followed by the country's code for a birth abroad (e.g. 99350)",
              field);
}

}  // namespace cqpm::domain
