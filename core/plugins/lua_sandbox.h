#pragma once

#include <Poco/Dynamic/Var.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

struct lua_State;

namespace cqpm::plugins {

namespace detail {
struct LuaAllocation;  // what the capped allocator counts
struct LuaBudget;      // the instruction budget and deadline of the call in progress
}  // namespace detail

/// Limits of one sandbox. Each hook call gets the whole instruction budget and
/// deadline; memory is capped for the state's whole life.
/// The one set of defaults: the server's settings cqpm.sandbox.* start from these.
struct SandboxLimits {
  std::size_t memory_bytes = std::size_t{32} << 20;
  std::uint64_t instructions_per_call = 20'000'000;
  std::chrono::milliseconds deadline_per_call{500};
};

/// One sandboxed Lua 5.4 state (the C++ build, so Lua errors unwind C++ frames).
/// Only allow-listed globals exist (base functions without load/dofile/
/// collectgarbage/print, string without dump, table, math, utf8); chunks are
/// loaded as text only, so bytecode is refused; each chunk runs in a private
/// environment. A state is used by one call at a time: the host lends
/// it from a per-plugin pool (plugins/plugin_host.h). Values cross the boundary as Poco::Dynamic::Var
/// (JSON-like). Failures throw Error{kPluginFailed} whose message names the chunk and line.
class LuaSandbox {
 public:
  explicit LuaSandbox(SandboxLimits limits = {});
  ~LuaSandbox();
  LuaSandbox(const LuaSandbox&) = delete;
  LuaSandbox& operator=(const LuaSandbox&) = delete;

  /// Runs `source` (text, named `chunk_name` in error messages, e.g.
  /// "plugins/qualite/plugin.lua") in the sandbox environment and keeps the
  /// value it returns under `key`, for later calls.
  void loadModule(const std::string& key, const std::string& source, const std::string& chunk_name);

  /// Makes the value module `key` returned visible to later chunks as the global `name`.
  void exposeModule(const std::string& key, const std::string& name);

  /// Sets `table[key] = value` for a global table of the environment (created if absent).
  void setTableField(const std::string& table, const std::string& key, const Poco::Dynamic::Var& value);

  /// Sets a global of the sandbox environment to a JSON-like value.
  void setGlobal(const std::string& name, const Poco::Dynamic::Var& value);

  /// True when the module `key` returned a table holding a function `function`
  /// (or a table `function` when `function` names a table field, see hasTable).
  bool hasFunction(const std::string& key, const std::string& function) const;
  bool hasTable(const std::string& key, const std::string& field) const;
  /// Names of the string keys of the table returned by module `key`.
  std::vector<std::string> moduleKeys(const std::string& key) const;

  /// Calls module[function](argument), or module[table][function](argument)
  /// when `table` is not empty, under the call limits; returns the result.
  /// `what` names the call in errors ("plugin qualite, hook check_modality_plan").
  Poco::Dynamic::Var call(const std::string& key, const std::string& table, const std::string& function,
                          const Poco::Dynamic::Var& argument, const std::string& what);

  /// Bytes the state currently holds.
  std::size_t memoryInUse() const;

 private:
  struct StateCloser {
    void operator()(lua_State* state) const;
  };

  void pushModule(const std::string& key) const;

  SandboxLimits limits_;
  void startBudget();
  void stopBudget();
  std::string failureMessage(int status) const;

  std::unique_ptr<detail::LuaAllocation> allocation_;
  std::unique_ptr<detail::LuaBudget> budget_;
  std::unique_ptr<lua_State, StateCloser> state_;
  int environment_ref_ = 0;
};

}  // namespace cqpm::plugins
