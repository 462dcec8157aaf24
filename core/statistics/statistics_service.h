#pragma once

#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "plugins/plugin_catalog.h"
#include "statistics/statistics_records.h"
#include "store/database.h"
#include "workflow/workflow_definition.h"

namespace cqpm::statistics {

/// The figures a centre coordinator (their centre) and the platform
/// administrator and GTP auditors (every centre, or one) look at instead of
/// building them in a spreadsheet: files opened by state and CQPM per month,
/// jury outcomes by CQPM and pathway, median days per workflow stage, overdue
/// reports, jury sessions held. Each series is one aggregate statement run by
/// the database (store/statistics_store.h), whatever the number of files.
///
/// Checks, in order: the role may read statistics (access policy), else
/// Error{kForbidden}; a coordinator names no other centre than theirs, else
/// Error{kForbidden, "centre"}; `from` and `to` are dates YYYY-MM-DD, else
/// Error{kUnprocessable, "from"|"to"}; `from` is not after `to` and the
/// period spans at most ten years, else Error{kUnprocessable, "from"}; the
/// centre named exists, else Error{kUnprocessable, "centre"}.
/// Borrows `db`, `workflow` and `catalog`, which must outlive it. Thread-safe.
class StatisticsService {
 public:
  StatisticsService(store::Database& db, const workflow::WorkflowDefinition& workflow,
                    const plugins::PluginCatalog& catalog, Clock clock)
      : db_(db), workflow_(workflow), catalog_(catalog), clock_(std::move(clock)) {}

  /// Every series for the period and centre `query` names (defaults: the
  /// twelve calendar months ending today, Paris time; the coordinator's
  /// centre, or every centre).
  Statistics compute(const domain::Actor& actor, const StatisticsQuery& query);

 private:
  store::Database& db_;
  const workflow::WorkflowDefinition& workflow_;
  const plugins::PluginCatalog& catalog_;
  Clock clock_;
};

}  // namespace cqpm::statistics
