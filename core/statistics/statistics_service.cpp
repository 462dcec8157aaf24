#include "statistics/statistics_service.h"

#include <algorithm>

#include "access/policy.h"
#include "certificates/outcome_labels.h"
#include "common/error.h"
#include "deadlines/paris_time.h"
#include "statistics/statistics_period.h"
#include "store/statistics_store.h"

namespace cqpm::statistics {

namespace {

constexpr double kSecondsPerDay = 86400.0;

// The centre the figures cover: a coordinator's own, whatever they ask, and
// refused if they name another; for the others, the one named or none.
std::optional<std::string> centreOf(const domain::Actor& actor, const std::optional<std::string>& asked) {
  if (actor.role != domain::Role::kCentreCoordinator) return asked;
  if (actor.organisation_kind != domain::OrganisationKind::kCentre)
    throw Error(ErrorCode::kForbidden, "only a centre's coordinator reads its statistics");
  if (asked && *asked != actor.organisation_id)
    throw Error(ErrorCode::kForbidden, "a coordinator reads the statistics of their own centre only",
                "centre");
  return actor.organisation_id;
}

std::vector<CentreChoice> centreChoices(const domain::Actor& actor, store::SqlSession& sql) {
  if (actor.role == domain::Role::kCentreCoordinator)
    return {{actor.organisation_id, actor.organisation_name}};
  std::vector<CentreChoice> choices;
  for (auto& [id, name] : store::statistics_store::centres(sql)) choices.push_back({id, name});
  return choices;
}

}  // namespace

Statistics StatisticsService::compute(const domain::Actor& actor, const StatisticsQuery& query) {
  access::require(actor, access::Permission::kReadStatistics, "read the statistics");
  const std::optional<std::string> centre = centreOf(actor, query.centre);
  const Poco::Timestamp instant = clock_();
  const Period period = periodOf(query.from, query.to, deadlines::parisDateOf(instant));
  store::StatisticsScope scope{toIso8601(deadlines::endOfParisDay(deadlines::addDays(period.from, -1))),
                               toIso8601(deadlines::endOfParisDay(period.to)),
                               period.from,
                               period.to,
                               centre,
                               {}};
  for (const std::string& month : monthsOf(period))
    scope.months.push_back(
        {month, toIso8601(deadlines::endOfParisDay(deadlines::addDays(month + "-01", -1)))});
  const std::string now = toIso8601(instant);

  Statistics result;
  result.from = period.from;
  result.to = period.to;
  result.centre = centre;
  const auto stateLabel = [&](const std::string& state) {
    const auto* definition = workflow_.findState(state);
    return definition != nullptr ? definition->label : state;
  };
  // Median days per stage, in the workflow's order, as people follow a file.
  std::vector<std::string> stages;
  for (const auto& state : workflow_.states()) stages.push_back(state.id);
  db_.read([&](store::SqlSession& sql) {
    namespace ss = store::statistics_store;
    result.centres = centreChoices(actor, sql);
    if (centre && std::none_of(result.centres.begin(), result.centres.end(),
                               [&](const CentreChoice& choice) { return choice.id == *centre; }))
      throw Error(ErrorCode::kUnprocessable, "no centre has this id", "centre");
    for (const auto& row : ss::filesByMonthAndState(sql, scope))
      result.files_by_state.push_back({row.month, row.key, stateLabel(row.key), row.files});
    for (const auto& row : ss::filesByMonthAndCqpm(sql, scope))
      result.files_by_cqpm.push_back({row.month, row.key, catalog_.titleOf(row.key), row.files});
    for (const auto& row : ss::outcomesByCqpmAndPathway(sql, scope)) {
      SuccessRate rate{row.cqpm,
                       catalog_.titleOf(row.cqpm),
                       row.pathway,
                       certificates::pathwayLabelFr(row.pathway),
                       0,
                       row.certified,
                       row.blocs_awarded,
                       row.not_certified};
      rate.decided = row.certified + row.blocs_awarded + row.not_certified;
      rate.success_rate =
          rate.decided == 0 ? 0 : static_cast<double>(row.certified) / static_cast<double>(rate.decided);
      result.success_rates.push_back(std::move(rate));
    }
    for (const auto& row : ss::stageStays(sql, scope, stages))
      result.stage_durations.push_back({row.stage, stateLabel(row.stage), row.stays,
                                        static_cast<double>(row.median_seconds) / kSecondsPerDay});
    for (const auto& row : ss::overdueReportsByCqpm(sql, scope, now))
      result.overdue.push_back({row.key, catalog_.titleOf(row.key), row.files});
    for (const auto& row : ss::juriesByMonth(sql, scope))
      result.juries.push_back({row.month, row.sessions, row.decided});
  });
  return result;
}

}  // namespace cqpm::statistics
