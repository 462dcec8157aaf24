#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "deadlines/deadline_records.h"
#include "deadlines/paris_time.h"
#include "domain/actor.h"
#include "store/candidate_file_store.h"
#include "store/database.h"
#include "store/deadline_store.h"

namespace cqpm::deadlines {

/// The one kind of deadline so far: the candidate's report.
inline constexpr const char* kReportDeadline = "report";

/// Report deadlines of candidate files: the centre coordinator sets and
/// extends them (each change is a file event: "deadline_set",
/// "deadline_extended"); everyone who reads the file reads them; a report
/// uploaded after its deadline is refused. Dates are Paris calendar days
/// (paris_time.h); "now" comes from the injected clock. Thread-safe.
class DeadlineService {
 public:
  DeadlineService(store::Database& db, Clock clock, std::vector<std::string> final_states)
      : db_(db), clock_(std::move(clock)), final_states_(std::move(final_states)) {}

  /// The deadlines of a file in the actor's scope; Error{kNotFound} otherwise.
  std::vector<DeadlineView> list(const domain::Actor& actor, const std::string& file_id);

  /// Sets the report deadline to `due` (YYYY-MM-DD), replacing the date in
  /// force; earlier extensions stay in the history. Centre coordinators of the
  /// file's centre only (Error{kForbidden}); Error{kInvalidField, "due"} for a
  /// malformed date; Error{kInvalidState} on a closed file. Returns the deadline as list() reads it.
  DeadlineView setReportDeadline(const domain::Actor& actor, const std::string& file_id,
                                 const std::string& due);

  /// Moves the report deadline to `until`, which must come after the date in
  /// force (Error{kUnprocessable, "until"}), for a written `reason`
  /// (Error{kInvalidField, "reason"}). Error{kInvalidState} without a deadline.
  /// Returns the deadline as list() reads it.
  DeadlineView extendReportDeadline(const domain::Actor& actor, const std::string& file_id,
                                    const std::string& until, const std::string& reason);

  /// Throws Error{kDeadlinePassed} naming the date when the file's report
  /// deadline (as extended) has passed; does nothing without a deadline. Runs
  /// on the caller's session, so an upload checks it in its own transaction.
  void requireReportOpen(store::SqlSession& sql, const std::string& file_id) const;

  /// True when `deadline` has passed at the clock's now.
  bool hasPassed(const store::DeadlineRecord& deadline) const;

  const Clock& clock() const { return clock_; }

 private:
  store::CandidateFileView writableFile(const domain::Actor& actor, const std::string& file_id);
  DeadlineView viewOf(store::DeadlineRecord deadline) const;

  store::Database& db_;
  Clock clock_;
  std::vector<std::string> final_states_;
};

}  // namespace cqpm::deadlines
