#include "plugins/lua_sandbox.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <chrono>
#include <lua.hpp>

#include "common/error.h"

namespace cqpm::plugins {
namespace {

std::string failureOf(LuaSandbox& sandbox, const std::string& source,
                      const Poco::Dynamic::Var& argument = {}) {
  try {
    sandbox.loadModule("m", source, "plugins/test/plugin.lua");
    sandbox.call("m", "", "run", argument, "plugin test, hook run");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPluginFailed);
    return e.what();
  }
  return {};
}

TEST(LuaSandboxTest, ReturnsJsonLikeValues) {
  LuaSandbox sandbox;
  sandbox.loadModule("m", R"(
    local M = {}
    function M.run(ctx)
      return { sum = ctx.a + ctx.b, list = { ctx.name, "x" }, empty = {}, flag = true, half = 0.5 }
    end
    return M)",
                     "plugins/test/plugin.lua");
  Poco::JSON::Object::Ptr argument = new Poco::JSON::Object;
  argument->set("a", 2);
  argument->set("b", 40);
  argument->set("name", "Élodie");
  const auto result = sandbox.call("m", "", "run", argument, "test").extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(result->getValue<int>("sum"), 42);
  EXPECT_EQ(result->getArray("list")->getElement<std::string>(0), "Élodie");
  EXPECT_EQ(result->getArray("empty")->size(), 0u);
  EXPECT_TRUE(result->getValue<bool>("flag"));
  EXPECT_DOUBLE_EQ(result->getValue<double>("half"), 0.5);
}

// A JSON value Poco holds as an unsigned 64-bit integer past lua_Integer (stored answers
// written before the request reader widened such numbers) reaches a hook as a float, as Lua
// reads an overflowing literal; converting it used to throw Poco's RangeException inside
// the protected call.
TEST(LuaSandboxTest, HugeIntegersReachAHookAsFloats) {
  LuaSandbox sandbox;
  sandbox.loadModule("m", R"(
    local M = {}
    function M.run(ctx) return { kind = math.type(ctx.huge), big = ctx.huge > 1e19, small = math.type(ctx.small) } end
    return M)",
                     "plugins/test/plugin.lua");
  Poco::JSON::Object::Ptr argument = new Poco::JSON::Object;
  argument->set("huge", Poco::UInt64(18446744073709551615ULL));
  argument->set("small", Poco::UInt64(7));
  const auto result = sandbox.call("m", "", "run", argument, "test").extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(result->getValue<std::string>("kind"), "float");
  EXPECT_TRUE(result->getValue<bool>("big"));
  EXPECT_EQ(result->getValue<std::string>("small"), "integer");
}

TEST(LuaSandboxTest, ANonFiniteNumberIsNotReturnedToTheHost) {
  LuaSandbox sandbox;
  EXPECT_NE(failureOf(sandbox, "return { run = function() return { x = 1/0 } end }").find("non-finite"),
            std::string::npos);
}

// Stopped by its instruction count, not by the (long) wall-time limit: the
// message says which limit stopped it, so no clock is read here.
TEST(LuaSandboxTest, StopsAnInfiniteLoop) {
  LuaSandbox sandbox(SandboxLimits{32u << 20, 1'000'000, std::chrono::milliseconds(60'000)});
  const std::string message = failureOf(sandbox, "return { run = function() while true do end end }");
  EXPECT_NE(message.find("instruction budget exceeded"), std::string::npos) << message;
}

TEST(LuaSandboxTest, PcallCannotSwallowTheBudget) {
  LuaSandbox sandbox(SandboxLimits{32u << 20, 1'000'000, std::chrono::milliseconds(5000)});
  const std::string message = failureOf(
      sandbox, "return { run = function() while true do pcall(function() while true do end end) end end }");
  EXPECT_NE(message.find("budget exceeded"), std::string::npos) << message;
}

TEST(LuaSandboxTest, StopsAMemoryBombInsideACFunction) {
  LuaSandbox sandbox(SandboxLimits{8u << 20, 50'000'000, std::chrono::milliseconds(5000)});
  const std::string message =
      failureOf(sandbox, "return { run = function() return string.rep('x', 512 * 1024 * 1024) end }");
  EXPECT_NE(message.find("memory limit"), std::string::npos) << message;
  // The state is still usable afterwards.
  sandbox.loadModule("ok", "return { run = function() return 1 end }", "ok.lua");
  EXPECT_EQ(sandbox.call("ok", "", "run", {}, "test").convert<int>(), 1);
}

TEST(LuaSandboxTest, StopsATableBomb) {
  LuaSandbox sandbox(SandboxLimits{8u << 20, 500'000'000, std::chrono::milliseconds(5000)});
  const std::string message =
      failureOf(sandbox, "return { run = function() local t = {} for i = 1, 1e9 do t[i] = {i} end end }");
  EXPECT_NE(message.find("memory limit"), std::string::npos) << message;
}

TEST(LuaSandboxTest, DangerousGlobalsAreAbsent) {
  LuaSandbox sandbox;
  sandbox.loadModule("m", R"(
    return { run = function()
      return { io = type(io), os = type(os), debug = type(debug), package = type(package), require = type(require),
               load = type(load), loadfile = type(loadfile), dofile = type(dofile), dump = type(string.dump),
               dump_via_metatable = type(("x").dump), collectgarbage = type(collectgarbage), string = type(string),
               rep = type(string.rep), math = type(math), G = type(_G) }
    end })",
                     "plugins/test/plugin.lua");
  const auto seen = sandbox.call("m", "", "run", {}, "test").extract<Poco::JSON::Object::Ptr>();
  for (const char* absent : {"io", "os", "debug", "package", "require", "load", "loadfile", "dofile", "dump",
                             "dump_via_metatable", "collectgarbage", "G"}) {
    EXPECT_EQ(seen->getValue<std::string>(absent), "nil") << absent;
  }
  EXPECT_EQ(seen->getValue<std::string>("string"), "table");
  EXPECT_EQ(seen->getValue<std::string>("rep"), "function");
  EXPECT_EQ(seen->getValue<std::string>("math"), "table");
}

int collectChunk(lua_State*, const void* bytes, std::size_t size, void* out) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(bytes), size);
  return 0;
}

TEST(LuaSandboxTest, RefusesBytecode) {
  // Bytecode made by an ordinary state, outside any sandbox.
  lua_State* plain = luaL_newstate();
  ASSERT_EQ(luaL_loadstring(plain, "return { run = function() return 1 end }"), LUA_OK);
  std::string bytecode;
  lua_dump(plain, collectChunk, &bytecode, 0);
  lua_close(plain);
  LuaSandbox sandbox;
  try {
    sandbox.loadModule("m", bytecode, "plugins/test/plugin.lua");
    FAIL() << "bytecode was loaded";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("binary"), std::string::npos) << e.what();
  }
}

TEST(LuaSandboxTest, AnErrorNamesTheChunkAndTheLine) {
  LuaSandbox sandbox;
  const std::string message =
      failureOf(sandbox, "local M = {}\nfunction M.run(ctx)\n  return ctx.missing.field\nend\nreturn M",
                Poco::Dynamic::Var(Poco::JSON::Object::Ptr(new Poco::JSON::Object)));
  EXPECT_NE(message.find("plugin test, hook run"), std::string::npos) << message;
  EXPECT_NE(message.find("plugins/test/plugin.lua:3:"), std::string::npos) << message;
}

TEST(LuaSandboxTest, ASyntaxErrorIsRefusedAtLoad) {
  LuaSandbox sandbox;
  try {
    sandbox.loadModule("m", "return { run = function( }", "plugins/test/plugin.lua");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("plugins/test/plugin.lua:1:"), std::string::npos) << e.what();
  }
}

TEST(LuaSandboxTest, FunctionsCannotBeReturnedToTheHost) {
  LuaSandbox sandbox;
  const std::string message =
      failureOf(sandbox, "return { run = function() return { f = print or tostring } end }");
  EXPECT_NE(message.find("cannot be returned"), std::string::npos) << message;
}

TEST(LuaSandboxTest, PluginsDoNotShareGlobals) {
  // Each plugin gets its own sandbox: what one plugin sets, another never sees.
  LuaSandbox first;
  LuaSandbox second;
  first.loadModule("a", "leaked = 1 return { run = function() return leaked end }", "a.lua");
  second.loadModule("b", "return { run = function() return leaked end }", "b.lua");
  EXPECT_EQ(first.call("a", "", "run", {}, "test").convert<int>(), 1);
  EXPECT_TRUE(second.call("b", "", "run", {}, "test").isEmpty());
}

TEST(LuaSandboxTest, HostGlobalsReachTheModule) {
  LuaSandbox sandbox;
  sandbox.setGlobal("given", Poco::Dynamic::Var(std::string("host value")));
  sandbox.loadModule("b", "return { run = function() return given end }", "b.lua");
  EXPECT_EQ(sandbox.call("b", "", "run", {}, "test").convert<std::string>(), "host value");
}

}  // namespace
}  // namespace cqpm::plugins
