#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cqpm::statistics {

/// Which files the figures cover: a period of Paris calendar days, both ends
/// included, and one centre or every centre.
struct StatisticsQuery {
  std::optional<std::string> from;    ///< YYYY-MM-DD; default: a year before `to`
  std::optional<std::string> to;      ///< YYYY-MM-DD; default: today
  std::optional<std::string> centre;  ///< a centre's id; default: the coordinator's, or every centre
};

/// Files opened in a month (YYYY-MM, UTC), counted by their state now.
struct MonthStateCount {
  std::string month;
  std::string state;
  std::string state_label;  ///< French, from the workflow definition
  std::int64_t files = 0;
};

/// Files opened in a month, counted by CQPM.
struct MonthCqpmCount {
  std::string month;
  std::string cqpm;
  std::string cqpm_title;
  std::int64_t files = 0;
};

/// Jury outcomes of the period for one CQPM and pathway: the files that left
/// deliberation, and how. `success_rate` is certified / decided (0 to 1).
struct SuccessRate {
  std::string cqpm;
  std::string cqpm_title;
  std::string pathway;
  std::string pathway_label;  ///< French
  std::int64_t decided = 0;
  std::int64_t certified = 0;
  std::int64_t blocs_awarded = 0;
  std::int64_t not_certified = 0;
  double success_rate = 0;
};

/// Time spent in one workflow state, over the files that left it in the period.
struct StageDuration {
  std::string stage;        ///< the workflow state
  std::string stage_label;  ///< French, from the workflow definition
  std::int64_t files = 0;   ///< how many times a file left it in the period
  double median_days = 0;   ///< median of those stays, in days (fractional)
};

/// Files whose report deadline fell in the period and passed without a report, by CQPM.
struct OverdueCount {
  std::string cqpm;
  std::string cqpm_title;
  std::int64_t files = 0;
};

/// Jury sessions held (opened) in a month of the period, and the files they decided.
struct JuryMonth {
  std::string month;
  std::int64_t sessions = 0;
  std::int64_t files_decided = 0;  ///< decisions not revoked
};

/// A centre the actor may filter on.
struct CentreChoice {
  std::string id;
  std::string name;
};

/// Every series of GET /api/v1/statistics, for one period and scope.
struct Statistics {
  std::string from;  ///< the period answered (defaults filled)
  std::string to;
  std::optional<std::string> centre;  ///< the centre answered, none for every centre
  std::vector<CentreChoice> centres;  ///< the centres the actor may choose from
  std::vector<MonthStateCount> files_by_state;
  std::vector<MonthCqpmCount> files_by_cqpm;
  std::vector<SuccessRate> success_rates;
  std::vector<StageDuration> stage_durations;
  std::vector<OverdueCount> overdue;
  std::vector<JuryMonth> juries;
};

}  // namespace cqpm::statistics
