#include "plugins/plugin_host.h"

#include "common/error.h"
#include "plugins/plugin_sandbox.h"

namespace cqpm::plugins {

Poco::Dynamic::Var PluginHost::callHook(const Plugin& plugin, const std::string& hook,
                                        const Poco::JSON::Object::Ptr& ctx,
                                        const PinnedReferential& referential) {
  Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
  request->set("hook", hook);
  request->set("ctx", ctx);
  return dispatch(plugin, request, "plugin " + plugin.id + ", hook " + hook, referential);
}

Poco::Dynamic::Var PluginHost::callGuard(const Plugin& plugin, const std::string& guard,
                                         const Poco::JSON::Object::Ptr& ctx,
                                         const PinnedReferential& referential) {
  Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
  request->set("guard", guard);
  request->set("ctx", ctx);
  return dispatch(plugin, request, "plugin " + plugin.id + ", guard " + guard, referential);
}

PluginHost::Slot PluginHost::borrow(const Plugin& plugin) {
  {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[&plugin];
    if (!idle.empty()) {
      Slot slot = std::move(idle.back());
      idle.pop_back();
      return slot;
    }
  }
  return Slot{makePluginSandbox(plugin, host_library_, limits_), {}};
}

void PluginHost::giveBack(const Plugin& plugin, Slot slot) {
  std::lock_guard lock(mutex_);
  auto& idle = idle_[&plugin];
  if (idle.size() < max_idle_) idle.push_back(std::move(slot));
}

std::size_t PluginHost::idleSandboxes(const Plugin& plugin) {
  std::lock_guard lock(mutex_);
  const auto found = idle_.find(&plugin);
  return found == idle_.end() ? 0 : found->second.size();
}

Poco::Dynamic::Var PluginHost::dispatch(const Plugin& plugin, Poco::JSON::Object::Ptr request,
                                        const std::string& what, const PinnedReferential& referential) {
  // Only this call uses the borrowed slot; a failure drops it (it leaves the scope).
  Slot slot = borrow(plugin);
  if (!referential.commit.empty()) {
    if (!slot.referentials.count(referential.commit)) {
      slot.sandbox->setTableField("REFERENTIALS", referential.commit, referential.document);
      slot.referentials.insert(referential.commit);
    }
    request->set("referential_commit", referential.commit);
  }
  const Poco::Dynamic::Var answer = slot.sandbox->call("cqpm", "", "dispatch", request, what);
  giveBack(plugin, std::move(slot));
  // {result = nil} arrives as an empty table, which reads as an empty array.
  if (answer.type() != typeid(Poco::JSON::Object::Ptr)) return {};
  const auto wrapped = answer.extract<Poco::JSON::Object::Ptr>();
  return wrapped->has("result") ? wrapped->get("result") : Poco::Dynamic::Var();
}

}  // namespace cqpm::plugins
