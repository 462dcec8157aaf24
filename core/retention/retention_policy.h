#pragma once

namespace cqpm::retention {

/// How long personal data is kept once a file is closed (issue 16, item 5), in whole years counted
/// from the file's move into its final state; 0 keeps that class for ever. Set in the configuration
/// (cqpm.retention.*, app/settings.cpp). Minutes, decisions, awards and every file's hash chain are
/// kept for the long term: they are what a holder or an auditor relies on.
struct RetentionPolicy {
  /// Reports, evidence and every other document of a closed file: their bytes are removed, their
  /// rows (name, size, SHA-256, uploader, date) stay.
  int documents_years = 5;
  /// The candidate of a file closed without a certification (not certified, withdrawn): identity,
  /// registration answers and what was written about them are erased, and their documents removed.
  int unsuccessful_identity_years = 3;
};

}  // namespace cqpm::retention
