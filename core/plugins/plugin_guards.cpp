#include "plugins/plugin_guards.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include <map>

namespace cqpm::plugins {

void registerPluginGuards(workflow::GuardRegistry& registry, PluginRules& rules) {
  using workflow::GuardContext;
  using workflow::GuardKind;
  registry.add("registration_accepted", GuardKind::kFile, [&rules](const GuardContext& context) {
    return rules.checkRegistration(context.file, context.actor);
  });
  registry.add(
      "modality_plan_accepted", GuardKind::kFile,
      [&rules](const GuardContext& context) -> std::optional<workflow::Refusal> {
        if (!context.file.modality_plan_json) {
          return workflow::Refusal{ErrorCode::kGuardFailed, "the evaluation modalities are not planned yet",
                                   "modality_plan", nullptr};
        }
        const auto plan =
            Poco::JSON::Parser().parse(*context.file.modality_plan_json).extract<Poco::JSON::Array::Ptr>();
        return rules.checkModalityPlan(context.file, context.actor, plan);
      });

  std::map<std::string, GuardKind> offered;
  for (const auto& plugin : rules.catalog().plugins()) {
    for (const auto& [name, kind] : plugin.guards) {
      const auto [it, inserted] = offered.emplace(name, kind);
      if (!inserted && it->second != kind) {
        Poco::Logger::get("plugins").warning(
            "guard %s: plugins disagree on when it runs; treated as a payload guard", name);
        it->second = GuardKind::kPayload;
      }
    }
  }
  for (const auto& [name, kind] : offered) {
    if (registry.find(name)) {
      Poco::Logger::get("plugins").warning(
          "guard %s is a core guard; the plugins' guard of that name is ignored", name);
      continue;
    }
    registry.add(name, kind,
                 [&rules, name = name](const GuardContext& context) { return rules.guard(name, context); });
  }
}

}  // namespace cqpm::plugins
