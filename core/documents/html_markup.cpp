#include "documents/html_markup.h"

#include <Poco/String.h>

#include <array>
#include <fstream>

namespace cqpm::documents {

std::optional<std::string> findHtmlMarkup(const std::string& path) {
  static const std::array<std::string, 9> kTags{"<!doctype html", "<html",   "<head",  "<body", "<script",
                                                "<iframe",        "<object", "<embed", "<svg"};
  std::ifstream in(path, std::ios::binary);
  std::string header(kSniffedHeaderBytes, '\0');
  in.read(header.data(), static_cast<std::streamsize>(header.size()));
  header.resize(static_cast<std::size_t>(in.gcount()));
  const std::string lower = Poco::toLower(header);
  for (std::size_t at = lower.find('<'); at != std::string::npos; at = lower.find('<', at + 1)) {
    for (const auto& tag : kTags) {
      if (lower.compare(at, tag.size(), tag) != 0) continue;
      const std::size_t end = at + tag.size();
      if (end == lower.size() || lower[end] == '>' || lower[end] == '/' || lower[end] == ' ' ||
          lower[end] == '\t' || lower[end] == '\n' || lower[end] == '\r' || lower[end] == '\f') {
        return tag;
      }
    }
  }
  return std::nullopt;
}

}  // namespace cqpm::documents
