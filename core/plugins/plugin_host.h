#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "plugins/lua_sandbox.h"
#include "plugins/plugin.h"

namespace cqpm::plugins {

/// A referential version a file is judged under: its commit, the document a
/// hook's Lua receives, and the same read into records for C++.
struct PinnedReferential {
  std::string commit;                ///< empty: the plugin's own referential
  Poco::JSON::Object::Ptr document;  ///< null when commit is empty; only the Lua side reads it
  std::shared_ptr<const referential_model::Referential> model;  ///< null when commit is empty
};

/// Where a plugin hook is called. A call borrows a sandbox of its plugin from
/// a pool (a lua_State is used by one call at a time, never by two threads at
/// once), made when none is idle and given back afterwards; a pool keeps at
/// most `max_idle_per_plugin` idle sandboxes, so their number follows the
/// calls running at once, not the threads that ever called. A sandbox whose
/// call failed is thrown away so a runaway call leaves nothing behind.
/// Thread-safe.
class PluginHost {
 public:
  PluginHost(std::string host_library, SandboxLimits limits, std::size_t max_idle_per_plugin = 8)
      : host_library_(std::move(host_library)), limits_(limits), max_idle_(max_idle_per_plugin) {}

  /// Calls `hook` of `plugin` (or the host library's default) with `ctx`;
  /// returns its result (null when it returned nil). Throws Error{kPluginFailed}
  /// "plugin <id>, hook <hook>: plugins/<id>/plugin.lua:<line>: <message>".
  /// `referential` is the version the file is judged under, identified by its
  /// git commit: converted once per sandbox and commit, then seen by the hook as
  /// ctx.referential. Without one, the plugin's own referential is used.
  Poco::Dynamic::Var callHook(const Plugin& plugin, const std::string& hook,
                              const Poco::JSON::Object::Ptr& ctx, const PinnedReferential& referential = {});

  /// Calls the plugin's named transition guard; same contract as callHook.
  Poco::Dynamic::Var callGuard(const Plugin& plugin, const std::string& guard,
                               const Poco::JSON::Object::Ptr& ctx, const PinnedReferential& referential = {});

  /// Sandboxes of `plugin` idle in the pool now (for tests and metrics).
  std::size_t idleSandboxes(const Plugin& plugin);

 private:
  struct Slot {
    std::unique_ptr<LuaSandbox> sandbox;
    std::set<std::string> referentials;  // commits already converted in this sandbox
  };

  Poco::Dynamic::Var dispatch(const Plugin& plugin, Poco::JSON::Object::Ptr request, const std::string& what,
                              const PinnedReferential& referential);
  /// An idle sandbox of `plugin`, or a new one (made outside the lock).
  Slot borrow(const Plugin& plugin);
  /// Back to the pool after a call that succeeded, unless the pool is full.
  void giveBack(const Plugin& plugin, Slot slot);

  std::string host_library_;
  SandboxLimits limits_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::map<const Plugin*, std::vector<Slot>> idle_;
};

}  // namespace cqpm::plugins
