#include "plugins/plugin_sandbox.h"

namespace cqpm::plugins {

std::unique_ptr<LuaSandbox> makePluginSandbox(const Plugin& plugin, const std::string& host_library,
                                              const SandboxLimits& limits) {
  auto sandbox = std::make_unique<LuaSandbox>(limits);
  sandbox->setGlobal("REFERENTIAL", plugin.referential);
  sandbox->loadModule("cqpm", host_library, "cqpm host library");
  sandbox->exposeModule("cqpm", "cqpm");
  sandbox->loadModule("plugin", plugin.script, plugin.script_name);
  sandbox->exposeModule("plugin", "PLUGIN");
  return sandbox;
}

}  // namespace cqpm::plugins
