#pragma once

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "files/candidate_file_service.h"
#include "imports/candidate_import.h"
#include "plugins/plugin_rules.h"
#include "store/database.h"

namespace cqpm::imports {

/// Bulk registration of candidates from a CSV file, in two steps as Pix does
/// for sessions: preview() checks every line and creates nothing but the
/// preview itself; confirm() opens every file of a preview without errors in
/// one transaction (all or nothing), once. Only a centre's coordinators
/// import, for their centre; another centre's import is "not found".
/// Thread-safe.
class CandidateImportService {
 public:
  /// Borrows everything; `clock` gives "today" for the birth-date checks.
  CandidateImportService(store::Database& db, files::CandidateFileService& files, plugins::PluginRules& rules,
                         Clock clock)
      : db_(db), files_(files), rules_(rules), clock_(std::move(clock)) {}

  /// Checks `csv` (see candidate_rows.h for the columns). A file that cannot
  /// be read at all is Error{kUnprocessable} (French message naming the line)
  /// or Error{kPayloadTooLarge}; line errors are part of the answer.
  CandidateImport preview(const domain::Actor& actor, const std::string& csv,
                          const std::optional<std::string>& filename);
  CandidateImport get(const domain::Actor& actor, const std::string& id);
  /// Opens the files; a confirmed import answers as it was. Error{kInvalidState}
  /// when the preview has errors; Error{kInvalidField} naming the line when a
  /// file can no longer be opened (a company deactivated since): nothing is created.
  CandidateImport confirm(const domain::Actor& actor, const std::string& id);

 private:
  store::Database& db_;
  files::CandidateFileService& files_;
  plugins::PluginRules& rules_;
  Clock clock_;
};

}  // namespace cqpm::imports
