#include "common/french_csv.h"

#include <cstdio>

namespace cqpm {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kLineEnd = "\r\n";

// A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)",
// "@SUM(...)", "-2+3"), and names and reasons are typed by people outside the centre: a leading
// apostrophe makes Excel and LibreOffice show the text as text (OWASP "CSV Injection"). Tab and CR
// are on OWASP's list too because some importers strip them before looking at the first character.
bool looksLikeFormula(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

/// One cell: formula guard first, then RFC 4180 quoting (with ';' as the separator French Excel
/// expects) when the text holds a separator, a quote or a line break.
void appendField(std::string& out, std::string_view field) {
  std::string text;
  if (looksLikeFormula(field)) text += '\'';
  text += field;
  if (text.find_first_of(";\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

template <typename Fields>
void appendRow(std::string& out, const Fields& fields) {
  bool first = true;
  for (const auto& field : fields) {
    if (!first) out += ';';
    first = false;
    appendField(out, field);
  }
  out += kLineEnd;
}

}  // namespace

std::string renderFrenchCsv(const std::vector<std::string_view>& header,
                            const std::vector<std::vector<std::string>>& rows) {
  std::string out(kBom);
  appendRow(out, header);
  for (const auto& row : rows) appendRow(out, row);
  return out;
}

std::string frenchDecimal(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string out(text);
  for (char& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

}  // namespace cqpm
