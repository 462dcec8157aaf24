#pragma once

#include <string>
#include <string_view>

namespace cqpm::imports {

/// The file name to offer for the template's download.
inline constexpr std::string_view kCandidateTemplateFilename = "modele-import-candidats.csv";

/// The template's media type.
inline constexpr std::string_view kCandidateTemplateContentType = "text/csv; charset=utf-8";

/// The candidate import template, as French Excel opens and saves it: UTF-8 with a byte order mark
/// (without it Excel reads the accents as Windows-1252), ';' between fields, CRLF line ends, the
/// header with the canonical column names (kCandidateColumns) and one example line for a fictitious
/// person (an employee; her SIRET, 123 456 789 00015, passes the checksum but belongs to no company,
/// and is written with spaces so that Excel keeps it as text). parseCsv reads it back unchanged.
std::string candidateTemplateCsv();

}  // namespace cqpm::imports
