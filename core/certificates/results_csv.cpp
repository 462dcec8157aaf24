#include "certificates/results_csv.h"

#include <array>
#include <string_view>

namespace cqpm::certificates {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kLineEnd = "\r\n";
constexpr std::array<std::string_view, 10> kHeader = {"Nom",
                                                      "Prénom",
                                                      "Date de naissance",
                                                      "N° CQPM",
                                                      "Intitulé",
                                                      "Décision",
                                                      "Blocs",
                                                      "Version du référentiel",
                                                      "Date de la session",
                                                      "Code de vérification"};

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

void appendRow(std::string& out, const std::array<std::string_view, 10>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ';';
    appendField(out, fields[i]);
  }
  out += kLineEnd;
}

}  // namespace

std::string renderResultsCsv(const std::vector<ResultRow>& rows) {
  std::string out(kBom);
  appendRow(out, kHeader);
  for (const ResultRow& row : rows) {
    appendRow(out,
              {row.family_name, row.given_name, row.birth_date, row.cqpm_number, row.cqpm_title,
               row.outcome_fr, row.blocs, row.referential_version, row.decided_at, row.verification_code});
  }
  return out;
}

}  // namespace cqpm::certificates
