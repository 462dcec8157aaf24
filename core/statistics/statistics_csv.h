#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "statistics/statistics_records.h"

namespace cqpm::statistics {

/// The series' ids, as GET /api/v1/statistics/{series}.csv names them:
/// files_by_state, files_by_cqpm, success_rates, stage_durations, overdue, juries.
const std::vector<std::string_view>& seriesIds();

/// One series of `statistics` as French Excel CSV (common/french_csv.h):
/// French headers and labels, decimal commas (rates as percentages, days with
/// one decimal). Error{kNotFound, "series"} for an id not in seriesIds(). Pure.
std::string seriesCsv(const Statistics& statistics, std::string_view series);

}  // namespace cqpm::statistics
