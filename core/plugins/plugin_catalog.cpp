#include "plugins/plugin_catalog.h"

namespace cqpm::plugins {

std::string PluginCatalog::titleOf(const std::string& id) const {
  const Plugin* plugin = find(id);
  return plugin && !plugin->title.empty() ? plugin->title : id;
}

const Plugin* PluginCatalog::find(const std::string& id) const {
  for (const auto& plugin : plugins_) {
    if (plugin.id == id) return &plugin;
  }
  return nullptr;
}

std::vector<std::string> PluginCatalog::ids() const {
  std::vector<std::string> ids;
  for (const auto& plugin : plugins_) ids.push_back(plugin.id);
  return ids;
}

}  // namespace cqpm::plugins
