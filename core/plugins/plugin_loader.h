#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "common/json_schema.h"
#include "plugins/lua_sandbox.h"
#include "plugins/plugin.h"

namespace cqpm::plugins {

/// Reads and validates plugin folders: manifest.json and referential.json
/// against their JSON Schemas (schemas/), the referential's own rules
/// (competencies numbered 1..N, unique codes and modalities), and plugin.lua
/// loaded once in a sandbox to check it compiles and implements the hooks its
/// manifest declares. Thread-compatible; used at start-up and by the CLI.
class PluginLoader {
 public:
  /// `schemas_dir` holds plugin-manifest.schema.json and referential.schema.json;
  /// `host_library` is the Lua source of the host library plugins run against.
  /// `limits` bound the check run of plugin.lua, as they bound every call.
  PluginLoader(const std::string& schemas_dir, std::string host_library, SandboxLimits limits = {});

  /// Loads one plugin folder; a refusal is returned, not thrown.
  std::variant<Plugin, PluginLoadFailure> load(const std::string& directory) const;

  /// Loads every subfolder of `plugins_dir` holding a manifest.json, sorted by name.
  struct Result {
    std::vector<Plugin> plugins;
    std::vector<PluginLoadFailure> failures;
  };
  Result loadAll(const std::string& plugins_dir) const;

 private:
  JsonSchema manifest_schema_;
  JsonSchema referential_schema_;
  std::string host_library_;
  SandboxLimits limits_;
};

}  // namespace cqpm::plugins
