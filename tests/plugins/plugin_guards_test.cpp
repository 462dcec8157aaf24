#include "plugins/plugin_guards.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "plugin_test_support.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_host.h"
#include "plugins/plugin_rules.h"
#include "workflow/core_guards.h"

// A plugin's named transition guard, from its manifest to the guard registry
// the workflow definition is checked against.

namespace cqpm::plugins {
namespace {

using namespace test_support;

TEST(PluginGuardsTest, APluginGuardIsRegisteredAndAskedOnlyOfItsOwnCqpmsFiles) {
  PluginCopy copy("qualite");
  writeFile(copy.file("manifest.json"),
            R"({"id":"qualite","title":"T","version":"1.1.0","host_api":1,"hooks":["guards"],)"
            R"("guards":{"audit_report_attached":"payload"}})");
  writeFile(copy.file("plugin.lua"), R"(local M = { guards = {} }
function M.guards.audit_report_attached(ctx)
  if ctx.payload.report == nil then
    return { field = "payload.report", message = "attach the audit report", message_fr = "Joignez le rapport d'audit." }
  end
  return nil
end
return M
)");
  Poco::File(kSourceRoot + "/plugins/industrialisation").copyTo(copy.root() + "/industrialisation");
  const auto loaded = realLoader().loadAll(copy.root());
  ASSERT_TRUE(loaded.failures.empty()) << loaded.failures[0].describe();
  PluginCatalog catalog(loaded.plugins, {});
  PluginHost host(hostLibrarySource(), SandboxLimits{});
  PluginRules rules(catalog, host);
  workflow::GuardRegistry registry;
  workflow::registerCoreGuards(registry);
  registerPluginGuards(registry, rules);

  const auto* guard = registry.find("audit_report_attached");
  ASSERT_NE(guard, nullptr);
  EXPECT_EQ(guard->kind, workflow::GuardKind::kPayload);
  ASSERT_NE(registry.find("registration_accepted"), nullptr);
  ASSERT_NE(registry.find("modality_plan_accepted"), nullptr);

  domain::CandidateFile file;
  file.cqpm = "qualite";
  file.state = "registered";
  domain::Actor actor;
  actor.role = domain::Role::kCentreCoordinator;
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  auto refusal = guard->function(workflow::GuardContext{file, actor, payload});
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, ErrorCode::kGuardFailed);
  EXPECT_EQ(refusal->field, "payload.report");
  EXPECT_EQ(refusal->details->getValue<std::string>("message_fr"), "Joignez le rapport d'audit.");
  payload->set("report", "rapport-2026.pdf");
  EXPECT_FALSE(guard->function(workflow::GuardContext{file, actor, payload}));
  // A file of a CQPM whose plugin has no such guard passes it.
  file.cqpm = "industrialisation";
  EXPECT_FALSE(
      guard->function(workflow::GuardContext{file, actor, Poco::JSON::Object::Ptr(new Poco::JSON::Object)}));
}

TEST(PluginGuardsTest, AModalityPlanGuardWithoutAPlanNamesTheMissingPlan) {
  PluginCatalog catalog(realLoader().loadAll(kSourceRoot + "/plugins").plugins, {});
  PluginHost host(hostLibrarySource(), SandboxLimits{});
  PluginRules rules(catalog, host);
  workflow::GuardRegistry registry;
  registerPluginGuards(registry, rules);
  domain::CandidateFile file;
  file.cqpm = "qualite";
  domain::Actor actor;
  const auto refusal =
      registry.find("modality_plan_accepted")
          ->function(workflow::GuardContext{file, actor, Poco::JSON::Object::Ptr(new Poco::JSON::Object)});
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "modality_plan");
}

}  // namespace
}  // namespace cqpm::plugins
