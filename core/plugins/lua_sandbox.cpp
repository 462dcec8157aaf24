#include "plugins/lua_sandbox.h"

#include <array>
#include <cstdlib>
#include <lua.hpp>
#include <string_view>

#include "common/error.h"
#include "plugins/lua_values.h"

namespace cqpm::plugins {

using SteadyClock = std::chrono::steady_clock;

namespace detail {

/// What the allocator counts. The cap is what stops `string.rep('x', 1 << 30)`:
/// an instruction budget cannot interrupt a C function (docs/lessons.md).
struct LuaAllocation {
  std::size_t used = 0;
  std::size_t limit = 0;
  bool refused = false;
};

/// The instruction budget and deadline of the call in progress.
struct LuaBudget {
  std::uint64_t executed = 0;
  std::uint64_t limit = 0;
  SteadyClock::time_point deadline;
  bool exhausted = false;
};

}  // namespace detail

using detail::LuaAllocation;
using detail::LuaBudget;

namespace {

constexpr int kHookEvery = 1000;  // instructions between two budget checks
constexpr const char* kModules = "cqpm.modules";

// The allow-list: everything else of the base library is removed.
constexpr std::array<std::string_view, 17> kSafeGlobals{
    "assert",       "error",    "ipairs",   "next",   "pairs",  "pcall",
    "rawequal",     "rawget",   "rawlen",   "rawset", "select", "setmetatable",
    "getmetatable", "tonumber", "tostring", "type",   "xpcall"};
constexpr std::array<std::string_view, 4> kSafeLibraries{"string", "table", "math", "utf8"};

void* limitedAlloc(void* userdata, void* block, std::size_t old_size, std::size_t new_size) {
  auto* allocation = static_cast<LuaAllocation*>(userdata);
  // For a new block Lua passes the object type in old_size, not a size.
  const std::size_t previous = block ? old_size : 0;
  if (new_size == 0) {
    allocation->used -= previous;
    std::free(block);
    return nullptr;
  }
  if (new_size > previous && allocation->used + (new_size - previous) > allocation->limit) {
    allocation->refused = true;
    return nullptr;  // Lua raises a memory error: the script fails, the server does not
  }
  void* resized = std::realloc(block, new_size);
  if (resized) allocation->used = allocation->used - previous + new_size;
  return resized;
}

LuaBudget*& budgetOf(lua_State* state) { return *static_cast<LuaBudget**>(lua_getextraspace(state)); }

void budgetHook(lua_State* state, lua_Debug* where) {
  auto* budget = budgetOf(state);
  if (!budget) return;
  budget->executed += budget->exhausted ? 1 : kHookEvery;
  const bool over_instructions = budget->executed > budget->limit;
  const bool over_time = SteadyClock::now() > budget->deadline;
  if (over_instructions || over_time) {
    if (!budget->exhausted) {
      // From now on fail at every instruction, so a script cannot swallow the
      // error with pcall and go on looping.
      budget->exhausted = true;
      lua_sethook(state, budgetHook, LUA_MASKCOUNT, 1);
    }
    // Name the line being run (luaL_error would name the caller's).
    lua_getinfo(state, "Sl", where);
    lua_pushfstring(state, "%s:%d: %s", where->short_src, where->currentline,
                    over_instructions ? "instruction budget exceeded" : "time budget exceeded");
    lua_error(state);
  }
}

// Runs the protected part of a call: the conversions may raise Lua errors and
// must run under lua_pcall. Stack in: function, argument as light userdata.
int callTrampoline(lua_State* state) {
  const auto* argument = static_cast<const Poco::Dynamic::Var*>(lua_touserdata(state, 2));
  auto* result = static_cast<Poco::Dynamic::Var*>(lua_touserdata(state, 3));
  lua_settop(state, 1);
  pushValue(state, *argument);
  lua_call(state, 1, 1);
  *result = toValue(state, -1);
  return 0;
}

// Sets a global of the environment; the conversion runs protected too.
int setGlobalTrampoline(lua_State* state) {
  const auto* value = static_cast<const Poco::Dynamic::Var*>(lua_touserdata(state, 3));
  lua_settop(state, 2);  // environment, name
  pushValue(state, *value);
  lua_setfield(state, 1, lua_tostring(state, 2));
  return 0;
}

}  // namespace

void LuaSandbox::StateCloser::operator()(lua_State* state) const { lua_close(state); }

LuaSandbox::LuaSandbox(SandboxLimits limits)
    : limits_(limits),
      allocation_(std::make_unique<LuaAllocation>()),
      budget_(std::make_unique<LuaBudget>()) {
  allocation_->limit = limits_.memory_bytes;
  state_.reset(lua_newstate(limitedAlloc, allocation_.get()));
  if (!state_) throw Error(ErrorCode::kPluginFailed, "cannot create a Lua state");
  lua_State* state = state_.get();
  budgetOf(state) = nullptr;
  luaL_requiref(state, "_G", luaopen_base, 1);
  const std::array<std::pair<const char*, lua_CFunction>, 4> libraries{
      {{"string", luaopen_string}, {"table", luaopen_table}, {"math", luaopen_math}, {"utf8", luaopen_utf8}}};
  for (const auto& [name, opener] : libraries) luaL_requiref(state, name, opener, 1);
  lua_settop(state, 0);
  // string.dump would hand out bytecode; the string metatable's __index is the
  // library table itself, so the function is removed there, not only from _ENV.
  lua_getglobal(state, "string");
  lua_pushnil(state);
  lua_setfield(state, -2, "dump");
  lua_pop(state, 1);

  lua_newtable(state);  // the private environment of every chunk
  for (std::string_view name : kSafeGlobals) {
    lua_getglobal(state, name.data());
    lua_setfield(state, -2, name.data());
  }
  for (std::string_view name : kSafeLibraries) {
    lua_getglobal(state, name.data());
    lua_setfield(state, -2, name.data());
  }
  lua_pushliteral(state, LUA_VERSION);
  lua_setfield(state, -2, "_VERSION");
  environment_ref_ = luaL_ref(state, LUA_REGISTRYINDEX);
  lua_newtable(state);
  lua_setfield(state, LUA_REGISTRYINDEX, kModules);
}

LuaSandbox::~LuaSandbox() = default;

std::size_t LuaSandbox::memoryInUse() const { return allocation_->used; }

void LuaSandbox::startBudget() {
  budget_->executed = 0;
  budget_->exhausted = false;
  budget_->limit = limits_.instructions_per_call;
  budget_->deadline = SteadyClock::now() + limits_.deadline_per_call;
  budgetOf(state_.get()) = budget_.get();
  lua_sethook(state_.get(), budgetHook, LUA_MASKCOUNT, kHookEvery);
  allocation_->refused = false;
}

void LuaSandbox::stopBudget() {
  lua_sethook(state_.get(), nullptr, 0, 0);
  budgetOf(state_.get()) = nullptr;
}

// The message of a failed protected call; the error object is on the stack.
std::string LuaSandbox::failureMessage(int status) const {
  lua_State* state = state_.get();
  if (status == LUA_ERRMEM || allocation_->refused) {
    return "memory limit of " + std::to_string(limits_.memory_bytes / (std::size_t{1} << 20)) +
           " MiB exceeded";
  }
  if (lua_type(state, -1) == LUA_TSTRING) return lua_tostring(state, -1);
  return std::string("error object is a ") + luaL_typename(state, -1);
}

void LuaSandbox::loadModule(const std::string& key, const std::string& source,
                            const std::string& chunk_name) {
  lua_State* state = state_.get();
  const std::string name = "@" + chunk_name;
  // Mode "t": text only, so precompiled bytecode (which can break the VM) is refused.
  if (luaL_loadbufferx(state, source.data(), source.size(), name.c_str(), "t") != LUA_OK) {
    std::string message = lua_tostring(state, -1) ? lua_tostring(state, -1) : "cannot load";
    lua_pop(state, 1);
    throw Error(ErrorCode::kPluginFailed, message);
  }
  lua_rawgeti(state, LUA_REGISTRYINDEX, environment_ref_);
  if (!lua_setupvalue(state, -2, 1)) lua_pop(state, 1);
  // Run the chunk through the same guarded path as hooks: it may loop or allocate too.
  lua_getfield(state, LUA_REGISTRYINDEX, kModules);
  lua_insert(state, -2);
  lua_pushcfunction(state, [](lua_State* s) -> int {
    lua_call(s, 0, 1);
    return 1;
  });
  lua_insert(state, -2);
  startBudget();
  const int status = lua_pcall(state, 1, 1, 0);
  stopBudget();
  if (status != LUA_OK) {
    std::string message = failureMessage(status);
    lua_settop(state, 0);
    throw Error(ErrorCode::kPluginFailed, chunk_name + ": " + message);
  }
  lua_setfield(state, -2, key.c_str());
  lua_pop(state, 1);
}

void LuaSandbox::setGlobal(const std::string& name, const Poco::Dynamic::Var& value) {
  lua_State* state = state_.get();
  lua_pushcfunction(state, setGlobalTrampoline);
  lua_rawgeti(state, LUA_REGISTRYINDEX, environment_ref_);
  lua_pushstring(state, name.c_str());
  lua_pushlightuserdata(state, const_cast<Poco::Dynamic::Var*>(&value));
  if (lua_pcall(state, 3, 0, 0) != LUA_OK) {
    std::string message = lua_tostring(state, -1) ? lua_tostring(state, -1) : "cannot set " + name;
    lua_pop(state, 1);
    throw Error(ErrorCode::kPluginFailed, message);
  }
}

void LuaSandbox::exposeModule(const std::string& key, const std::string& name) {
  lua_State* state = state_.get();
  lua_rawgeti(state, LUA_REGISTRYINDEX, environment_ref_);
  pushModule(key);
  lua_setfield(state, -2, name.c_str());
  lua_pop(state, 1);
}

void LuaSandbox::setTableField(const std::string& table, const std::string& key,
                               const Poco::Dynamic::Var& value) {
  lua_State* state = state_.get();
  lua_rawgeti(state, LUA_REGISTRYINDEX, environment_ref_);
  if (lua_getfield(state, -1, table.c_str()) != LUA_TTABLE) {
    lua_pop(state, 1);
    lua_newtable(state);
    lua_pushvalue(state, -1);
    lua_setfield(state, -3, table.c_str());
  }
  // The conversion may raise a Lua error: run it protected, like setGlobal.
  lua_pushcfunction(state, setGlobalTrampoline);
  lua_insert(state, -2);  // trampoline, table
  lua_pushstring(state, key.c_str());
  lua_pushlightuserdata(state, const_cast<Poco::Dynamic::Var*>(&value));
  const int status = lua_pcall(state, 3, 0, 0);
  if (status != LUA_OK) {
    std::string message = failureMessage(status);
    lua_settop(state, 0);
    throw Error(ErrorCode::kPluginFailed, message);
  }
  lua_settop(state, 0);
}

void LuaSandbox::pushModule(const std::string& key) const {
  lua_State* state = state_.get();
  lua_getfield(state, LUA_REGISTRYINDEX, kModules);
  lua_getfield(state, -1, key.c_str());
  lua_remove(state, -2);
}

bool LuaSandbox::hasFunction(const std::string& key, const std::string& function) const {
  lua_State* state = state_.get();
  pushModule(key);
  const bool found = lua_istable(state, -1) && lua_getfield(state, -1, function.c_str()) == LUA_TFUNCTION;
  lua_settop(state, 0);
  return found;
}

bool LuaSandbox::hasTable(const std::string& key, const std::string& field) const {
  lua_State* state = state_.get();
  pushModule(key);
  const bool found = lua_istable(state, -1) && lua_getfield(state, -1, field.c_str()) == LUA_TTABLE;
  lua_settop(state, 0);
  return found;
}

std::vector<std::string> LuaSandbox::moduleKeys(const std::string& key) const {
  lua_State* state = state_.get();
  std::vector<std::string> keys;
  pushModule(key);
  if (lua_istable(state, -1)) {
    lua_pushnil(state);
    while (lua_next(state, -2) != 0) {
      if (lua_type(state, -2) == LUA_TSTRING) keys.emplace_back(lua_tostring(state, -2));
      lua_pop(state, 1);
    }
  }
  lua_settop(state, 0);
  return keys;
}

Poco::Dynamic::Var LuaSandbox::call(const std::string& key, const std::string& table,
                                    const std::string& function, const Poco::Dynamic::Var& argument,
                                    const std::string& what) {
  lua_State* state = state_.get();
  lua_settop(state, 0);
  lua_pushcfunction(state, callTrampoline);
  pushModule(key);
  if (!table.empty()) {
    if (!lua_istable(state, -1) || lua_getfield(state, -1, table.c_str()) != LUA_TTABLE) {
      lua_settop(state, 0);
      throw Error(ErrorCode::kPluginFailed, what + ": no table '" + table + "'");
    }
    lua_remove(state, -2);
  }
  if (!lua_istable(state, -1) || lua_getfield(state, -1, function.c_str()) != LUA_TFUNCTION) {
    lua_settop(state, 0);
    throw Error(ErrorCode::kPluginFailed, what + ": no function '" + function + "'");
  }
  lua_remove(state, -2);
  Poco::Dynamic::Var result;
  lua_pushlightuserdata(state, const_cast<Poco::Dynamic::Var*>(&argument));
  lua_pushlightuserdata(state, &result);

  startBudget();
  const int status = lua_pcall(state, 3, 0, 0);
  stopBudget();
  if (status != LUA_OK) {
    std::string message = failureMessage(status);
    lua_settop(state, 0);
    lua_gc(state, LUA_GCCOLLECT);  // give back what a runaway call piled up
    throw Error(ErrorCode::kPluginFailed, what + ": " + message);
  }
  lua_settop(state, 0);
  return result;
}

}  // namespace cqpm::plugins
