#include "app/plugin_command.h"

#include <Poco/Path.h>

#include <iostream>
#include <variant>

#include "plugins/host_library.h"
#include "plugins/plugin_loader.h"

namespace cqpm::app {

namespace {

void printPlugin(const plugins::Plugin& plugin, std::ostream& out) {
  int missing_codes = 0;
  for (const auto& bloc : plugin.model->blocs) {
    if (!bloc.code) ++missing_codes;
  }
  out << plugin.id << "  " << plugin.version << "  " << plugin.bloc_count << " blocs, "
      << plugin.competency_count << " competencies"
      << (missing_codes ? ", " + std::to_string(missing_codes) + " bloc code(s) missing" : "") << "  "
      << plugin.title << "\n";
}

}  // namespace

int runPluginCommand(const std::vector<std::string>& args, const std::string& share_dir, std::ostream& out,
                     std::ostream& err) {
  const std::string usage =
      "usage: cqpm plugin check <plugin folder>... | cqpm plugin list [plugins folder]\n";
  if (args.size() < 2) {
    err << usage;
    return 64;
  }
  try {
    plugins::PluginLoader loader(Poco::Path(share_dir).append("schemas").toString(),
                                 plugins::hostLibrarySource());
    if (args[1] == "check" && args.size() >= 3) {
      int status = 0;
      for (std::size_t i = 2; i < args.size(); ++i) {
        auto loaded = loader.load(args[i]);
        if (auto* plugin = std::get_if<plugins::Plugin>(&loaded)) {
          out << "ok  ";
          printPlugin(*plugin, out);
        } else {
          err << "refused  " << std::get<plugins::PluginLoadFailure>(loaded).describe() << "\n";
          status = 1;
        }
      }
      return status;
    }
    if (args[1] == "list") {
      const std::string folder =
          args.size() >= 3 ? args[2] : Poco::Path(share_dir).append("plugins").toString();
      const auto result = loader.loadAll(folder);
      for (const auto& plugin : result.plugins) printPlugin(plugin, out);
      for (const auto& failure : result.failures) err << "refused  " << failure.describe() << "\n";
      return result.failures.empty() ? 0 : 1;
    }
  } catch (const std::exception& e) {
    err << "cqpm plugin: " << e.what() << "\n";
    return 1;
  }
  err << usage;
  return 64;
}

}  // namespace cqpm::app
