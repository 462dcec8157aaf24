#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/candidate_file.h"
#include "evaluation/evaluation_records.h"
#include "plugins/plugin_rules.h"
#include "store/evaluation_store.h"

namespace cqpm::evaluation {

/// The grid of `file` (its referential, plan and scope say which competencies) from what the commission
/// recorded (`stored`, by competency number; a competency absent is unwritten) and who sits
/// (`commission`), `complete` as the CQPM's own check sees it (a plugin call: not under the writer).
/// Not editable: the caller says whether the reader may write. Today's grid and the grid at an earlier
/// instant (history/file_as_of_service) are both built here.
GridView gridOf(const domain::CandidateFile& file, plugins::PluginRules& rules,
                std::vector<Evaluator> commission,
                const std::map<std::string, store::CompetencyEvaluation>& stored);

/// Whether the grid says anything yet: a commission formed or a competency written.
bool gridHasAnything(const GridView& grid);

}  // namespace cqpm::evaluation
