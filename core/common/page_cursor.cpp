#include "common/page_cursor.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <sstream>

#include "common/error.h"

namespace cqpm {

namespace {
// Parts never hold this byte: names, ids and times are text.
constexpr char kSeparator = '\x1f';
}  // namespace

std::string encodeCursor(const std::vector<std::string>& parts) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  for (std::size_t i = 0; i < parts.size(); ++i) encoder << (i ? std::string(1, kSeparator) : "") << parts[i];
  encoder.close();
  return out.str();
}

std::vector<std::string> decodeCursor(const std::string& cursor, std::size_t count) {
  std::istringstream in(cursor);
  Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  std::string decoded;
  try {
    std::getline(decoder, decoded, '\0');
  } catch (const Poco::Exception&) {
    decoded.clear();
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = decoded.find(kSeparator, start)) != std::string::npos; start = at + 1) {
    parts.push_back(decoded.substr(start, at - start));
  }
  parts.push_back(decoded.substr(start));
  const bool complete = parts.size() == count && !parts.back().empty();
  if (cursor.empty() || !complete) {
    throw Error(ErrorCode::kInvalidField, "cursor is not one this server issued", "cursor");
  }
  return parts;
}

}  // namespace cqpm
