#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "imports/candidate_rows.h"

namespace cqpm::imports {

/// A checked line of an import, with what the preview shows beside it.
struct ImportedRow {
  CandidateRow row;
  std::string cqpm_title;
  std::optional<std::string> company_name;
  std::optional<std::string> file_id;  ///< the file it opened, once confirmed
};

/// An import as its preview and its confirmation show it.
struct CandidateImport {
  std::string id;
  std::string state;  ///< "previewed" or "confirmed"
  std::optional<std::string> filename;
  std::string created_at;
  std::optional<std::string> confirmed_at;
  std::int64_t line_count = 0;  ///< data lines of the file
  std::vector<ImportedRow> rows;
  std::vector<ImportError> errors;

  /// A preview whose every line is valid, and not confirmed yet.
  bool canConfirm() const { return state == "previewed" && errors.empty() && !rows.empty(); }
};

/// The stored form of the rows and errors (a private JSON document of the
/// import service, not an API shape).
std::string importContentJson(const std::vector<ImportedRow>& rows, const std::vector<ImportError>& errors);
/// Reads what importContentJson wrote. Throws Error{kInternal} for anything else.
void readImportContent(const std::string& json, std::vector<ImportedRow>& rows,
                       std::vector<ImportError>& errors);

}  // namespace cqpm::imports
