#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/file_scope.h"
#include "domain/candidate_file.h"
#include "store/database.h"

namespace cqpm::store {

/// A file with the names of its centre and company, as lists and pages show it.
struct CandidateFileView {
  domain::CandidateFile file;
  std::string centre_name;
  std::optional<std::string> company_name;
  std::optional<std::string> report_due_at;  ///< when the report deadline (as extended) ends, if one is set
  bool report_uploaded = false;              ///< the file holds a report document
};

/// Filters of the file list; empty members do not filter.
struct FileFilter {
  std::optional<std::string> state;
  std::optional<std::string> cqpm;
  std::optional<std::string> pathway;
  std::optional<std::string> name_query;  ///< matched against the candidate's folded name
  /// Only files whose report deadline ended at or before this instant (ISO-8601) without a report.
  std::optional<std::string> overdue_at;
};

/// The column the file list is sorted by. Ties are broken on the file's id,
/// in the same direction, so that every order is total and pages are stable.
enum class FileSortKey {
  kCreated,    ///< created_at
  kUpdated,    ///< updated_at
  kName,       ///< the candidate's folded name (given name then family name, as the pages show it)
  kCqpm,       ///< the CQPM's id
  kState,      ///< the workflow state's id
  kReportDue,  ///< the report deadline's end; files without one come last in both directions
};

/// How the file list is sorted; the default is newest first.
struct FileOrder {
  FileSortKey key = FileSortKey::kCreated;
  bool descending = true;
};

/// Position after the last item of a page: its sort value (sortValueOf) and id.
struct FileCursor {
  std::string key;
  std::string id;
};

/// Candidate files. Every read takes the caller's scope and applies it in SQL.
namespace candidate_file_store {

void insert(SqlSession& sql, const domain::CandidateFile& file);
/// Links the file to the candidate's account if it has none yet; returns the
/// file's centre, or nullopt when the file is missing or already linked.
std::optional<std::string> attachCandidate(SqlSession& sql, const std::string& file_id,
                                           const std::string& user_id);
/// True when the centre holds a file of this candidate account.
bool centreKnowsCandidate(SqlSession& sql, const std::string& centre_id, const std::string& user_id);
std::optional<CandidateFileView> find(SqlSession& sql, const std::string& id, const access::FileScope& scope);
/// Up to `limit` files after `after`, in `order` (newest first by default).
std::vector<CandidateFileView> list(SqlSession& sql, const access::FileScope& scope, const FileFilter& filter,
                                    const std::optional<FileCursor>& after, int limit,
                                    const FileOrder& order = {});
/// The value `order` sorts `view` by, as list() compares a cursor's key with. Pure.
std::string sortValueOf(const CandidateFileView& view, const FileOrder& order);
/// Number of files per state (the filter's `state` is ignored).
std::map<std::string, std::int64_t> countByState(SqlSession& sql, const access::FileScope& scope,
                                                 const FileFilter& filter);
/// Compare-and-swap of the state: applies only if the stored version is
/// `expected_version`, and bumps it. Returns false on a version mismatch.
bool updateState(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                 const std::string& new_state, const std::string& updated_at);

/// Pins the file to a published referential version (inside the transition
/// that registers it, so the version never bumps separately).
bool pinReferential(SqlSession& sql, const std::string& id, std::int64_t version, const std::string& commit);

/// Compare-and-swap of the modality plan, like updateState.
bool updateModalityPlan(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                        const std::string& plan_json, const std::string& updated_at);

/// Compare-and-swap of the candidate's identity and the registration answers, like updateState.
bool correctCandidate(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                      const domain::Candidate& candidate, const std::string& registration_json,
                      const std::string& updated_at);

/// Compare-and-swap of the file's bloc scope (domain/bloc_scope.h), like updateState.
bool setBlocScope(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                  const std::string& bloc_scope_json, const std::string& updated_at);

/// Compare-and-swap of the file's centre (a transfer accepted), like updateState;
/// the file's kept stays (stage_stays) follow it.
bool moveToCentre(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                  const std::string& centre_id, const std::string& updated_at);

/// Holds the file's row until the write commits (PostgreSQL, where writes
/// run side by side; SQLite's single writer needs nothing), so that writes
/// numbering the file's events or comments take their numbers in turn rather
/// than racing for the same one.
void lockForNumbering(SqlSession& sql, const std::string& file_id);

/// Recomputes the file's pending_report_due_at (migration 0020): when its
/// report deadline ends while it holds no report, NULL otherwise. Call in the
/// transaction that changes the report deadline or adds a report document;
/// the overdue filter reads only this column.
void refreshPendingReport(SqlSession& sql, const std::string& file_id);

}  // namespace candidate_file_store
}  // namespace cqpm::store
