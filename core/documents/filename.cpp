#include "documents/filename.h"

#include <Poco/String.h>

#include <cctype>
#include <cstdio>

namespace cqpm::documents {

namespace {
constexpr std::size_t kMaxKeptExtension = 16;
}  // namespace

std::string sanitiseFilename(const std::string& name) {
  std::string base = name;
  const auto slash = base.find_last_of("/\\");
  if (slash != std::string::npos) base = base.substr(slash + 1);
  std::string clean;
  for (unsigned char c : base) {
    if (c < 0x20 || c == 0x7f || c == '"' || c == ';' || c == ':' || c == '*' || c == '?' || c == '<' ||
        c == '>' || c == '|') {
      clean += '_';
    } else {
      clean += static_cast<char>(c);
    }
  }
  clean = Poco::trim(clean);
  while (!clean.empty() && clean.front() == '.') clean.erase(0, 1);  // no hidden files, no ".."
  if (clean.empty()) return "document";
  if (clean.size() > 150) {
    std::string extension = extensionOf(clean);
    // Only a real extension is kept whole: a name that is mostly "extension"
    // ("a.xxxx…") is cut like any other (the length would wrap otherwise).
    if (extension.size() > kMaxKeptExtension) extension.clear();
    std::size_t keep = 150 - (extension.empty() ? 0 : extension.size() + 1);
    while (keep > 0 && (static_cast<unsigned char>(clean[keep]) & 0xC0) == 0x80)
      --keep;  // whole UTF-8 characters
    clean = clean.substr(0, keep) + (extension.empty() ? "" : "." + extension);
  }
  return clean;
}

std::string extensionOf(const std::string& name) {
  const auto dot = name.find_last_of('.');
  if (dot == std::string::npos || dot + 1 == name.size()) return {};
  return Poco::toLower(name.substr(dot + 1));
}

std::string contentDisposition(const std::string& filename) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    ascii += (c < 0x80 && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace cqpm::documents
