#include "auth/phc_string.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

#include <iterator>
#include <sstream>
#include <vector>

namespace cqpm::auth {

namespace {

std::string unpaddedBase64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::optional<std::string> fromUnpaddedBase64(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in, Poco::BASE64_NO_PADDING);
  try {
    return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

// "m=19456" -> 19456 when the name matches and the value is a 32-bit unsigned number.
std::optional<std::uint32_t> parameter(const std::string& text, const std::string& name) {
  if (text.rfind(name + "=", 0) != 0) return std::nullopt;
  unsigned value = 0;
  if (!Poco::NumberParser::tryParseUnsigned(text.substr(name.size() + 1), value)) return std::nullopt;
  return value;
}

}  // namespace

std::string encodePhc(const Argon2idHash& hash) {
  return "$argon2id$v=" + std::to_string(hash.version) + "$m=" + std::to_string(hash.memory_kib) +
         ",t=" + std::to_string(hash.iterations) + ",p=" + std::to_string(hash.lanes) + "$" +
         unpaddedBase64(hash.salt) + "$" + unpaddedBase64(hash.hash);
}

std::optional<Argon2idHash> decodePhc(const std::string& encoded) {
  // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
  const auto parts = split(encoded, '$');
  if (parts.size() != 6 || !parts[0].empty() || parts[1] != "argon2id") return std::nullopt;
  const auto costs = split(parts[3], ',');
  if (costs.size() != 3) return std::nullopt;
  const auto version = parameter(parts[2], "v");
  const auto memory = parameter(costs[0], "m");
  const auto iterations = parameter(costs[1], "t");
  const auto lanes = parameter(costs[2], "p");
  auto salt = fromUnpaddedBase64(parts[4]);
  auto hash = fromUnpaddedBase64(parts[5]);
  if (!version || !memory || !iterations || !lanes || !salt || !hash) return std::nullopt;
  return Argon2idHash{*version, *memory, *iterations, *lanes, std::move(*salt), std::move(*hash)};
}

}  // namespace cqpm::auth
