#include "common/siret.h"

#include <algorithm>

namespace cqpm {
namespace {

constexpr std::string_view kLaPosteSiren = "356000000";
constexpr std::string_view kLaPosteHeadOffice = "35600000000048";

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool luhnHolds(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int digit = digits[i] - '0';
    if (doubled) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

int digitSum(std::string_view digits) {
  int sum = 0;
  for (char c : digits) sum += c - '0';
  return sum;
}

}  // namespace

std::optional<std::string> normaliseSiret(std::string_view text) {
  std::string digits;
  digits.reserve(14);
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest[0] == ' ' || rest[0] == '\t') {
      i += 1;
    } else if (rest.starts_with("\xC2\xA0")) {
      i += 2;
    } else if (rest.starts_with("\xE2\x80\xAF")) {
      i += 3;
    } else if (isAsciiDigit(rest[0]) && digits.size() < 14) {
      digits.push_back(rest[0]);
      i += 1;
    } else {
      return std::nullopt;
    }
  }
  if (digits.size() != 14) return std::nullopt;
  return digits;
}

bool isValidSiret(std::string_view digits) {
  if (digits.size() != 14 || !std::all_of(digits.begin(), digits.end(), isAsciiDigit)) return false;
  if (digits.starts_with(kLaPosteSiren) && digits != kLaPosteHeadOffice) return digitSum(digits) % 5 == 0;
  return luhnHolds(digits);
}

}  // namespace cqpm
