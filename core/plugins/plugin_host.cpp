#include "plugins/plugin_host.h"

#include "common/error.h"
#include "plugins/plugin_sandbox.h"

namespace cqpm::plugins {

Poco::Dynamic::Var PluginHost::callHook(const Plugin& plugin, const std::string& hook,
                                        Poco::JSON::Object::Ptr ctx, const PinnedReferential& referential) {
  Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
  request->set("hook", hook);
  request->set("ctx", ctx);
  return dispatch(plugin, request, "plugin " + plugin.id + ", hook " + hook, referential);
}

Poco::Dynamic::Var PluginHost::callGuard(const Plugin& plugin, const std::string& guard,
                                         Poco::JSON::Object::Ptr ctx, const PinnedReferential& referential) {
  Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
  request->set("guard", guard);
  request->set("ctx", ctx);
  return dispatch(plugin, request, "plugin " + plugin.id + ", guard " + guard, referential);
}

Poco::Dynamic::Var PluginHost::dispatch(const Plugin& plugin, Poco::JSON::Object::Ptr request,
                                        const std::string& what, const PinnedReferential& referential) {
  const auto key = std::make_pair(std::this_thread::get_id(), &plugin);
  Slot* slot = nullptr;
  {
    std::lock_guard lock(mutex_);
    slot = &sandboxes_[key];
    if (!slot->sandbox) slot->sandbox = makePluginSandbox(plugin, host_library_, limits_);
  }
  // From here on only this thread uses the slot (std::map nodes do not move).
  try {
    if (!referential.commit.empty()) {
      if (!slot->referentials.count(referential.commit)) {
        slot->sandbox->setTableField("REFERENTIALS", referential.commit, referential.referential);
        slot->referentials.insert(referential.commit);
      }
      request->set("referential_commit", referential.commit);
    }
    const Poco::Dynamic::Var answer = slot->sandbox->call("cqpm", "", "dispatch", request, what);
    // {result = nil} arrives as an empty table, which reads as an empty array.
    if (answer.type() != typeid(Poco::JSON::Object::Ptr)) return {};
    const auto wrapped = answer.extract<Poco::JSON::Object::Ptr>();
    return wrapped->has("result") ? wrapped->get("result") : Poco::Dynamic::Var();
  } catch (const Error&) {
    // A failed call may leave anything behind: the next call gets a fresh sandbox.
    std::lock_guard lock(mutex_);
    sandboxes_.erase(key);
    throw;
  }
}

}  // namespace cqpm::plugins
