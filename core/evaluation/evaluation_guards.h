#pragma once

#include <string_view>

#include "plugins/plugin_rules.h"
#include "workflow/guard_registry.h"

namespace cqpm::evaluation {

/// Guard leaving the evaluation (under_evaluation -> company_opinion / ready_for_jury):
/// the CQPM's completeness check over the grid, where a competency counts only
/// when two members of the commission signed its current version.
inline constexpr std::string_view kEvaluationComplete = "evaluation_complete";

/// Registers the guards that read the evaluation grid. They are kPayload guards:
/// they read stored data through GuardContext::sql, set only when a transition is
/// fired. A refusal names the competency: field "evaluation.<number>".
/// `rules` must outlive `registry`.
void registerEvaluationGuards(workflow::GuardRegistry& registry, plugins::PluginRules& rules);

}  // namespace cqpm::evaluation
