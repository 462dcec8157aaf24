#pragma once

#include <memory>
#include <string>

#include "plugins/lua_sandbox.h"
#include "plugins/plugin.h"

namespace cqpm::plugins {

/// A sandbox ready to run `plugin`'s hooks: the referential as the global
/// REFERENTIAL, the host library as `cqpm`, plugin.lua's table as `PLUGIN`.
/// Throws Error{kPluginFailed} naming plugin.lua and the line when it fails to load.
std::unique_ptr<LuaSandbox> makePluginSandbox(const Plugin& plugin, const std::string& host_library,
                                              const SandboxLimits& limits);

}  // namespace cqpm::plugins
