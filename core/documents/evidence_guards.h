#pragma once

#include <string_view>

#include "plugins/plugin_rules.h"
#include "workflow/guard_registry.h"

namespace cqpm::documents {

/// Name of the guard, as workflow definitions spell it.
inline constexpr std::string_view kEvidenceComplete = "evidence_complete";

/// Registers evidence_complete (kPayload: it reads the file's documents through
/// GuardContext::sql): the CQPM's plugin says whether the evidence may be
/// declared submitted (hook check_evidence; by default, the report is uploaded
/// when a competency is planned on the presentation of projects).
void registerEvidenceGuards(workflow::GuardRegistry& registry, plugins::PluginRules& rules);

}  // namespace cqpm::documents
