#include "certificates/verification_code.h"

#include <cstdint>

#include "common/random_bytes.h"

namespace cqpm::certificates {
namespace {

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped from paper is not mistaken.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kSymbols = 12;
constexpr std::size_t kGroup = 4;

std::string grouped(const std::string& symbols) {
  std::string out;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % kGroup == 0) out += '-';
    out += symbols[i];
  }
  return out;
}

}  // namespace

std::string newVerificationCode() {
  const std::string bytes = randomBytes(8);
  std::uint64_t bits = 0;
  for (char byte : bytes) bits = (bits << 8) | static_cast<unsigned char>(byte);
  // 12 symbols of 5 bits use 60 of the 64 random bits.
  std::string symbols;
  for (std::size_t i = 0; i < kSymbols; ++i) {
    symbols += kAlphabet[bits & 0x1F];
    bits >>= 5;
  }
  return grouped(symbols);
}

std::optional<std::string> normaliseVerificationCode(std::string_view typed) {
  // A typed code is short; anything long is not a code and is not worth scanning.
  if (typed.size() > 64) return std::nullopt;
  std::string symbols;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    symbols += c;
  }
  if (symbols.size() != kSymbols) return std::nullopt;
  return grouped(symbols);
}

}  // namespace cqpm::certificates
