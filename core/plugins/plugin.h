#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "referential_model/referential.h"
#include "workflow/guard.h"

namespace cqpm::plugins {

/// The host API this server offers to plugin.lua (the `cqpm` library and the
/// hook protocol). A plugin needing a newer one is refused.
inline constexpr int kHostApiVersion = 1;

/// One loaded, validated CQPM plugin. Immutable once loaded; shared by every thread.
struct Plugin {
  std::string id;
  std::string title;
  std::string version;  ///< semver, from the manifest
  int host_api = kHostApiVersion;
  std::string directory;
  std::set<std::string> hooks;                        ///< hooks plugin.lua implements
  std::map<std::string, workflow::GuardKind> guards;  ///< named transition guards it offers
  Poco::JSON::Object::Ptr referential;                ///< validated against the schema; what Lua sees
  std::shared_ptr<const referential_model::Referential> model;  ///< the same, read into records
  std::string script;                                           ///< plugin.lua source
  std::string script_name;  ///< "plugins/<id>/plugin.lua", for error messages
  int bloc_count = 0;
  int competency_count = 0;
};

/// Why a plugin folder was refused: which plugin, which file, where in it.
struct PluginLoadFailure {
  std::string plugin;  ///< the folder name
  std::string file;    ///< "manifest.json", "referential.json", "plugin.lua"
  std::string path;    ///< JSON path ("blocs[1].code") or "line 12", or empty
  std::string message;

  /// "plugin qualite: referential.json: blocs[1].code: ..." for logs and the CLI.
  std::string describe() const;
};

}  // namespace cqpm::plugins
