#include "net/head_scan.h"

namespace cqpm::net {

namespace {

bool isTokenChar(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool isToken(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!isTokenChar(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::optional<std::string> requestLineDefect(std::string_view line) {
  const std::size_t first = line.find(' ');
  const std::size_t last = line.rfind(' ');
  if (first == std::string_view::npos || first == last)
    return "the request line is not METHOD TARGET VERSION";
  if (!isToken(line.substr(0, first))) return "the request method is not a token";
  for (const char c : line.substr(first + 1, last - first - 1)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f)
      return "the request target holds a space, a control or a non-ASCII byte";
  }
  if (!line.substr(last + 1).starts_with("HTTP/"))
    return "the request line does not end with an HTTP version";
  return std::nullopt;
}

std::optional<std::string> fieldLineDefect(std::string_view line) {
  if (line.front() == ' ' || line.front() == '\t') return "a header line is folded onto the previous one";
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return "a header line has no colon";
  if (!isToken(line.substr(0, colon))) return "a header name is not a token (or is followed by a space)";
  for (const char c : line.substr(colon + 1)) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && byte != '\t') || byte == 0x7f) return "a header value holds a control character";
  }
  return std::nullopt;
}

}  // namespace

HeadState scanHead(std::string_view received, std::size_t max_head_bytes) {
  const std::size_t start = received.find_first_not_of("\r\n");
  if (start == std::string_view::npos) {
    return received.size() > max_head_bytes ? HeadState::kTooLarge : HeadState::kIncomplete;
  }
  // The head ends at the first line feed followed by an empty line.
  for (std::size_t at = received.find('\n', start); at != std::string_view::npos;
       at = received.find('\n', at + 1)) {
    if (at + 1 > max_head_bytes) break;
    const std::string_view rest = received.substr(at + 1);
    if (rest.starts_with("\n") || rest.starts_with("\r\n")) return HeadState::kComplete;
  }
  return received.size() > max_head_bytes ? HeadState::kTooLarge : HeadState::kIncomplete;
}

std::optional<std::string> headDefect(std::string_view head) {
  std::size_t at = head.find_first_not_of("\r\n");
  bool request_line = true;
  while (at != std::string_view::npos && at < head.size()) {
    const std::size_t end = head.find('\n', at);
    std::string_view line =
        head.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) return std::nullopt;  // the end of the head
    if (line.find('\r') != std::string_view::npos) return "a line holds a bare carriage return";
    auto defect = request_line ? requestLineDefect(line) : fieldLineDefect(line);
    if (defect) return defect;
    request_line = false;
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return std::nullopt;
}

}  // namespace cqpm::net
