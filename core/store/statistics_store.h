#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// The instant (ISO-8601 UTC, as stored) a Paris calendar month (YYYY-MM)
/// starts: its first day's midnight in Paris.
struct MonthStart {
  std::string month;
  std::string starts_at;
};

/// What the statistics queries count over: times `[start, end)` as stored
/// (ISO-8601 UTC), the same period as Paris calendar days `[first_day,
/// last_day]` for columns that hold days, one centre or every centre, and the
/// Paris months of the period, oldest first, so that a time is counted in its
/// Paris month (a file opened at 23:30 UTC on 31 January is a February file).
struct StatisticsScope {
  std::string start;
  std::string end;
  std::string first_day;
  std::string last_day;
  std::optional<std::string> centre_id;
  std::vector<MonthStart> months;
};

/// A count for a month (YYYY-MM) and a key (a state, a CQPM).
struct MonthKeyCount {
  std::string month;
  std::string key;
  std::int64_t files = 0;
};

/// How the files of a CQPM and pathway left deliberation.
struct OutcomeCounts {
  std::string cqpm;
  std::string pathway;
  std::int64_t certified = 0;
  std::int64_t blocs_awarded = 0;
  std::int64_t not_certified = 0;
};

/// The stays in a workflow state and their median, in whole seconds.
struct StageStays {
  std::string stage;
  std::int64_t stays = 0;
  std::int64_t median_seconds = 0;
};

/// A count for one key (a CQPM).
struct KeyCount {
  std::string key;
  std::int64_t files = 0;
};

/// Jury sessions held in a month and their decisions.
struct JuryMonthCounts {
  std::string month;
  std::int64_t sessions = 0;
  std::int64_t decided = 0;
};

/// The statistics page's aggregates, each ONE grouped statement computed by
/// the database (portable SQL), driven by an index on the period's column:
/// files by created_at (candidate_files_by_centre or candidate_files_by_created,
/// which carry state and cqpm: migration 0028),
/// events by at (file_events_by_at) or by to_state and at
/// (file_events_by_to_state_at), stays by their end (stage_stays_by_left_at,
/// kept as events are written: event_store::append), pending reports by their due
/// time (the candidate_files_pending_report partial indexes), sessions by
/// centre and day. Months are those of the stored UTC times. Every function
/// runs on the session it is given.
namespace statistics_store {

/// Files opened in the period, by month and current state.
std::vector<MonthKeyCount> filesByMonthAndState(SqlSession& sql, const StatisticsScope& scope);
/// Files opened in the period, by month and CQPM.
std::vector<MonthKeyCount> filesByMonthAndCqpm(SqlSession& sql, const StatisticsScope& scope);
/// Files that moved from deliberation to an outcome in the period, by CQPM and pathway.
std::vector<OutcomeCounts> outcomesByCqpmAndPathway(SqlSession& sql, const StatisticsScope& scope);
/// Stays in each of `stages` (in that order; stages without a stay left out)
/// that ended in the period (a move to another state): their count and median
/// (the mean of the middle two for an even count).
/// A stay starts at the file's latest earlier move, or at its creation
/// (recorded with the move that ends it, store/event_store.h).
std::vector<StageStays> stageStays(SqlSession& sql, const StatisticsScope& scope,
                                   const std::vector<std::string>& stages);
/// Files whose report was due in the period and before `now`, without a report yet, by CQPM.
std::vector<KeyCount> overdueReportsByCqpm(SqlSession& sql, const StatisticsScope& scope,
                                           const std::string& now);
/// Jury sessions opened, dated in the period, by month, with their decisions not revoked.
std::vector<JuryMonthCounts> juriesByMonth(SqlSession& sql, const StatisticsScope& scope);
/// Every centre (id, name), by name: the choices of the centre filter.
std::vector<std::pair<std::string, std::string>> centres(SqlSession& sql);

}  // namespace statistics_store
}  // namespace cqpm::store
