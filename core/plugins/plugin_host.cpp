#include "plugins/plugin_host.h"

#include "common/error.h"
#include "plugins/plugin_sandbox.h"

namespace cqpm::plugins {

Poco::Dynamic::Var PluginHost::callHook(const Plugin& plugin, const std::string& hook,
                                        Poco::JSON::Object::Ptr ctx) {
  Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
  request->set("hook", hook);
  request->set("ctx", ctx);
  return dispatch(plugin, request, "plugin " + plugin.id + ", hook " + hook);
}

Poco::Dynamic::Var PluginHost::callGuard(const Plugin& plugin, const std::string& guard,
                                         Poco::JSON::Object::Ptr ctx) {
  Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
  request->set("guard", guard);
  request->set("ctx", ctx);
  return dispatch(plugin, request, "plugin " + plugin.id + ", guard " + guard);
}

Poco::Dynamic::Var PluginHost::dispatch(const Plugin& plugin, Poco::JSON::Object::Ptr request,
                                        const std::string& what) {
  const auto key = std::make_pair(std::this_thread::get_id(), &plugin);
  LuaSandbox* sandbox = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto& slot = sandboxes_[key];
    if (!slot) slot = makePluginSandbox(plugin, host_library_, limits_);
    sandbox = slot.get();
  }
  try {
    const Poco::Dynamic::Var answer = sandbox->call("cqpm", "", "dispatch", request, what);
    // {result = nil} arrives as an empty table, which reads as an empty array.
    if (answer.type() != typeid(Poco::JSON::Object::Ptr)) return {};
    const auto wrapped = answer.extract<Poco::JSON::Object::Ptr>();
    return wrapped->has("result") ? wrapped->get("result") : Poco::Dynamic::Var();
  } catch (const Error&) {
    std::lock_guard lock(mutex_);
    sandboxes_.erase(key);
    throw;
  }
}

}  // namespace cqpm::plugins
