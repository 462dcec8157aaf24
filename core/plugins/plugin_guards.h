#pragma once

#include "plugins/plugin_rules.h"
#include "workflow/guard_registry.h"

namespace cqpm::plugins {

/// Registers the guards through which the workflow reaches the CQPM plugins:
/// `registration_accepted` and `modality_plan_accepted` (the file's plugin
/// checks them), plus every named guard a plugin declares in its manifest
/// (asked of the file's plugin; files of other CQPMs pass). Call at start-up,
/// before the workflow definition is loaded. `rules` must outlive `registry`.
void registerPluginGuards(workflow::GuardRegistry& registry, PluginRules& rules);

}  // namespace cqpm::plugins
