#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "plugins/lua_sandbox.h"
#include "plugins/plugin.h"

namespace cqpm::plugins {

/// A referential version handed to a hook: its commit and its document.
struct PinnedReferential {
  std::string commit;                   ///< empty: the plugin's own referential
  Poco::JSON::Object::Ptr referential;  ///< null when commit is empty
};

/// Where a plugin hook is called. Each thread gets its own sandbox per plugin
/// (a lua_State is never shared between threads), created on first use and
/// thrown away after a failure so a runaway call leaves nothing behind.
/// Thread-safe.
class PluginHost {
 public:
  PluginHost(std::string host_library, SandboxLimits limits)
      : host_library_(std::move(host_library)), limits_(limits) {}

  /// Calls `hook` of `plugin` (or the host library's default) with `ctx`;
  /// returns its result (null when it returned nil). Throws Error{kPluginFailed}
  /// "plugin <id>, hook <hook>: plugins/<id>/plugin.lua:<line>: <message>".
  /// `referential` is the version the file is judged under, identified by its
  /// git commit: converted once per sandbox and commit, then seen by the hook as
  /// ctx.referential. Without one, the plugin's own referential is used.
  Poco::Dynamic::Var callHook(const Plugin& plugin, const std::string& hook, Poco::JSON::Object::Ptr ctx,
                              const PinnedReferential& referential = {});

  /// Calls the plugin's named transition guard; same contract as callHook.
  Poco::Dynamic::Var callGuard(const Plugin& plugin, const std::string& guard, Poco::JSON::Object::Ptr ctx,
                               const PinnedReferential& referential = {});

 private:
  struct Slot {
    std::unique_ptr<LuaSandbox> sandbox;
    std::set<std::string> referentials;  // commits already converted in this sandbox
  };

  Poco::Dynamic::Var dispatch(const Plugin& plugin, Poco::JSON::Object::Ptr request, const std::string& what,
                              const PinnedReferential& referential);

  std::string host_library_;
  SandboxLimits limits_;
  std::mutex mutex_;
  // Keyed by thread and plugin; an entry is only ever used by its own thread.
  std::map<std::pair<std::thread::id, const Plugin*>, Slot> sandboxes_;
};

}  // namespace cqpm::plugins
