#include "referentials/markdown_escape.h"

#include <cctype>

namespace cqpm::referentials {

namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "&amp;", "&#233;", "&#x41;": what a Markdown viewer would turn into a character.
bool startsEntity(const std::string& text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '#') ++i;
  const std::size_t name = i;
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
  return i > name && i < text.size() && text[i] == ';';
}

}  // namespace

std::string escapeMarkdownInline(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
      continue;
    }
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '~':
        out += '\\';
        break;
      case '&':
        if (startsEntity(text, i)) out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

std::string escapeMarkdownBlock(const std::string& text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  std::string out = escapeMarkdownInline(text.substr(start));
  const char first = out[0];
  if (first == '#' || first == '>' || first == '-' || first == '+' || first == '=') {
    out.insert(out.begin(), '\\');
    return out;
  }
  std::size_t digits = 0;
  while (digits < out.size() && isDigit(out[digits])) ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(digits), '\\');
  return out;
}

std::string escapeMarkdownHeading(const std::string& text) {
  std::string out;
  for (const char c : escapeMarkdownInline(text)) {
    if (c == '#') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace cqpm::referentials
