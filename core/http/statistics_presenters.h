#pragma once

#include <Poco/JSON/Object.h>

#include "statistics/statistics_records.h"

namespace cqpm::http {

/// JSON shape of GET /api/v1/statistics (schemas/openapi.yaml, Statistics):
/// {period: {from, to}, centre, centres: [{id, name}], files_by_state: [{month,
/// state, label, files}], files_by_cqpm: [{month, cqpm, title, files}],
/// success_rates: [{cqpm, title, pathway, pathway_label, decided, certified,
/// blocs_awarded, not_certified, success_rate}], stage_durations: [{stage,
/// label, files, median_days}], overdue: [{cqpm, title, files}], juries:
/// [{month, sessions, files_decided}]}; `centre` is null for every centre.
Poco::JSON::Object::Ptr statisticsJson(const statistics::Statistics& statistics);

}  // namespace cqpm::http
