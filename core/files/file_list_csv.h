#pragma once

#include <string>
#include <vector>

#include "plugins/plugin_catalog.h"
#include "store/candidate_file_store.h"
#include "workflow/workflow_definition.h"

namespace cqpm::files {

/// The dashboard's files as French Excel CSV (common/french_csv.h), one row a
/// file in the order given: name, CQPM, pathway and state in French, the
/// report deadline's Paris day, « Oui » when it has passed at `now` (ISO-8601)
/// without a report, dates as dd/mm/yyyy. Borrows its arguments. Pure.
std::string fileListCsv(const std::vector<store::CandidateFileView>& files,
                        const workflow::WorkflowDefinition& workflow, const plugins::PluginCatalog& catalog,
                        const std::string& now);

}  // namespace cqpm::files
