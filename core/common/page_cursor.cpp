#include "common/page_cursor.h"

#include "common/base64url.h"
#include "common/error.h"

namespace cqpm {

namespace {
// Parts never hold this byte: names, ids and times are text.
constexpr char kSeparator = '\x1f';
}  // namespace

std::string encodeCursor(const std::vector<std::string>& parts) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) joined += (i ? std::string(1, kSeparator) : "") + parts[i];
  return base64Url(joined);
}

std::vector<std::string> decodeCursor(const std::string& cursor, std::size_t count) {
  // Anything this server did not issue gets the same answer, whatever is wrong with it.
  std::string decoded;
  try {
    decoded = fromBase64Url(cursor, "cursor");
  } catch (const Error&) {
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
