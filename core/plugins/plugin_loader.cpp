#include "plugins/plugin_loader.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/Path.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/file_text.h"
#include "plugins/plugin_sandbox.h"
#include "referential_model/referential_rules.h"

namespace cqpm::plugins {

using Poco::JSON::Object;

std::string PluginLoadFailure::describe() const {
  return "plugin " + plugin + ": " + file + (path.empty() ? "" : ": " + path) + ": " + message;
}

namespace {

// A refusal as a value: the loader never throws for a bad plugin.
struct Refused {
  PluginLoadFailure failure;
};

[[noreturn]] void refuse(const std::string& plugin, const std::string& file, const std::string& path,
                         const std::string& message) {
  throw Refused{{plugin, file, path, message}};
}

Object::Ptr readJsonFile(const std::string& plugin, const Poco::Path& directory, const std::string& name,
                         const JsonSchema& schema) {
  const Poco::Path path = Poco::Path(directory).append(name);
  if (!Poco::File(path).exists()) refuse(plugin, name, "", "the file is missing");
  Poco::Dynamic::Var document;
  try {
    document = parseJson(readRequiredFile(path.toString()), name);
  } catch (const Error& e) {
    refuse(plugin, name, "", e.what());
  }
  const auto violations = schema.validate(document);
  if (!violations.empty()) {
    std::string message = violations.front().message;
    if (violations.size() > 1) message += " (and " + std::to_string(violations.size() - 1) + " more)";
    refuse(plugin, name, violations.front().path, message);
  }
  return document.extract<Object::Ptr>();
}

}  // namespace

PluginLoader::PluginLoader(const std::string& schemas_dir, std::string host_library, SandboxLimits limits)
    : manifest_schema_(JsonSchema::parse(
          readRequiredFile(Poco::Path(schemas_dir).append("plugin-manifest.schema.json").toString()),
          "plugin-manifest.schema.json")),
      referential_schema_(JsonSchema::parse(
          readRequiredFile(Poco::Path(schemas_dir).append("referential.schema.json").toString()),
          "referential.schema.json")),
      host_library_(std::move(host_library)),
      limits_(limits) {}

std::variant<Plugin, PluginLoadFailure> PluginLoader::load(const std::string& directory) const {
  const Poco::Path dir = Poco::Path::forDirectory(Poco::Path(directory).absolute().toString());
  const std::string folder = dir.directory(dir.depth() - 1);
  try {
    Plugin plugin;
    plugin.directory = dir.toString();
    const auto manifest = readJsonFile(folder, dir, "manifest.json", manifest_schema_);
    plugin.id = manifest->getValue<std::string>("id");
    if (plugin.id != folder)
      refuse(folder, "manifest.json", "id", "the id must be the folder's name '" + folder + "'");
    plugin.title = manifest->getValue<std::string>("title");
    plugin.version = manifest->getValue<std::string>("version");
    plugin.host_api = manifest->getValue<int>("host_api");
    if (plugin.host_api > kHostApiVersion) {
      refuse(folder, "manifest.json", "host_api",
             "needs host API " + std::to_string(plugin.host_api) + "; this server offers " +
                 std::to_string(kHostApiVersion));
    }
    const auto hooks = manifest->getArray("hooks");
    for (std::size_t i = 0; i < hooks->size(); ++i)
      plugin.hooks.insert(hooks->getElement<std::string>(static_cast<unsigned>(i)));
    if (const auto guards = manifest->getObject("guards")) {
      for (const auto& [name, kind] : *guards) {
        plugin.guards[name] = kind.convert<std::string>() == "payload" ? workflow::GuardKind::kPayload
                                                                       : workflow::GuardKind::kFile;
      }
    }
    if (!plugin.guards.empty() && !plugin.hooks.count("guards")) {
      refuse(folder, "manifest.json", "hooks", "declares guards but not the 'guards' hook");
    }

    plugin.referential = readJsonFile(folder, dir, "referential.json", referential_schema_);
    try {
      plugin.model = std::make_shared<const referential_model::Referential>(
          referential_model::parseReferential(plugin.referential));
    } catch (const Error& e) {
      refuse(folder, "referential.json", e.field(), e.what());
    }
    referential_model::ReferentialCounts counts;
    if (auto violation = referential_model::checkReferentialRules(*plugin.model, plugin.id, counts)) {
      refuse(folder, "referential.json", violation->path, violation->message);
    }
    plugin.bloc_count = counts.blocs;
    plugin.competency_count = counts.competencies;

    const Poco::Path script = Poco::Path(dir).append("plugin.lua");
    if (!Poco::File(script).exists()) refuse(folder, "plugin.lua", "", "the file is missing");
    plugin.script = readRequiredFile(script.toString());
    plugin.script_name = "plugins/" + folder + "/plugin.lua";
    std::unique_ptr<LuaSandbox> sandbox;
    try {
      sandbox = makePluginSandbox(plugin, host_library_, limits_);
    } catch (const Error& e) {
      refuse(folder, "plugin.lua", "", e.what());
    }
    // The manifest and the script must agree on the hooks.
    for (const std::string& hook : plugin.hooks) {
      const bool present =
          hook == "guards" ? sandbox->hasTable("plugin", hook) : sandbox->hasFunction("plugin", hook);
      if (!present)
        refuse(folder, "plugin.lua", hook,
               "the manifest declares the hook '" + hook + "' but plugin.lua does not define it");
    }
    for (const std::string& key : sandbox->moduleKeys("plugin")) {
      if (!plugin.hooks.count(key)) {
        refuse(folder, "manifest.json", "hooks",
               "plugin.lua defines '" + key + "', which the manifest does not declare");
      }
    }
    return plugin;
  } catch (const Refused& refused) {
    return refused.failure;
  } catch (const std::exception& e) {
    return PluginLoadFailure{folder, "", "", e.what()};
  }
}

PluginLoader::Result PluginLoader::loadAll(const std::string& plugins_dir) const {
  Result result;
  std::vector<std::string> folders;
  for (Poco::DirectoryIterator it(plugins_dir), end; it != end; ++it) {
    if (it->isDirectory() && Poco::File(Poco::Path(it.path()).append("manifest.json")).exists()) {
      folders.push_back(it.path().toString());
    }
  }
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    auto loaded = load(folder);
    if (auto* plugin = std::get_if<Plugin>(&loaded)) {
      result.plugins.push_back(std::move(*plugin));
    } else {
      result.failures.push_back(std::get<PluginLoadFailure>(loaded));
    }
  }
  return result;
}

}  // namespace cqpm::plugins
