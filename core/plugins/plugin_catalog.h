#pragma once

#include <string>
#include <vector>

#include "plugins/plugin.h"

namespace cqpm::plugins {

/// The plugins loaded at start, and the ones refused (reported by /readyz).
/// Immutable after construction; shared by every thread.
class PluginCatalog {
 public:
  PluginCatalog(std::vector<Plugin> plugins, std::vector<PluginLoadFailure> failures)
      : plugins_(std::move(plugins)), failures_(std::move(failures)) {}

  /// The plugin `id`, or null.
  const Plugin* find(const std::string& id) const;
  const std::vector<Plugin>& plugins() const { return plugins_; }
  const std::vector<PluginLoadFailure>& failures() const { return failures_; }
  std::vector<std::string> ids() const;
  /// How people name the CQPM `id` ("Technicien de la qualité"): its title, never
  /// the plugin's id, unless no plugin of that id is loaded.
  std::string titleOf(const std::string& id) const;

 private:
  std::vector<Plugin> plugins_;
  std::vector<PluginLoadFailure> failures_;
};

}  // namespace cqpm::plugins
