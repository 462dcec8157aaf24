#include "plugins/plugin_host.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "common/error.h"
#include "plugin_test_support.h"
#include "plugins/plugin_catalog.h"

// Sandboxes are lent from a bounded per-plugin pool: their number follows the
// calls running at once, not the threads that ever called, and a sandbox whose
// call failed never serves again.

namespace cqpm::plugins {
namespace {

using namespace test_support;

/// The qualite plugin with a guard that fails when asked to.
class PluginHostTest : public ::testing::Test {
 protected:
  void SetUp() override {
    writeFile(copy_.file("manifest.json"),
              R"({"id":"qualite","title":"T","version":"1.1.0","host_api":1,"hooks":["guards"],)"
              R"("guards":{"echo":"payload"}})");
    writeFile(copy_.file("plugin.lua"), R"(local M = { guards = {} }
function M.guards.echo(ctx)
  if ctx.payload.fail then error("asked to fail") end
  return nil
end
return M
)");
    auto loaded = realLoader().loadAll(copy_.root());
    ASSERT_TRUE(loaded.failures.empty()) << loaded.failures[0].describe();
    plugins_ = std::move(loaded.plugins);
  }

  Poco::Dynamic::Var ask(PluginHost& host, bool fail) {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("fail", fail);
    Poco::JSON::Object::Ptr ctx = new Poco::JSON::Object;
    ctx->set("payload", payload);
    return host.callGuard(plugins_.front(), "echo", ctx);
  }

  PluginCopy copy_{"qualite"};
  std::vector<Plugin> plugins_;
};

TEST_F(PluginHostTest, ThreadsThatCameAndWentLeaveAtMostThePoolsIdleSandboxes) {
  PluginHost host(hostLibrarySource(), SandboxLimits{}, 3);
  // 40 short-lived threads, 8 at a time: the old per-thread map kept 40 states.
  for (int round = 0; round < 5; ++round) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        for (int call = 0; call < 5; ++call) ask(host, false);
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_LE(host.idleSandboxes(plugins_.front()), 3u);
  }
  EXPECT_GE(host.idleSandboxes(plugins_.front()), 1u);
}

TEST_F(PluginHostTest, ASandboxWhoseCallFailedIsNotLentAgain) {
  PluginHost host(hostLibrarySource(), SandboxLimits{}, 3);
  ask(host, false);
  ASSERT_EQ(host.idleSandboxes(plugins_.front()), 1u);
  EXPECT_THROW(ask(host, true), Error);
  EXPECT_EQ(host.idleSandboxes(plugins_.front()), 0u);  // the failed one was dropped
  ask(host, false);                                     // a fresh one serves
  EXPECT_EQ(host.idleSandboxes(plugins_.front()), 1u);
}

}  // namespace
}  // namespace cqpm::plugins
