#include "plugins/lua_values.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <lua.hpp>

namespace cqpm::plugins {
namespace {

constexpr int kMaxDepth = 64;

void push(lua_State* state, const Poco::Dynamic::Var& value, int depth) {
  if (depth > kMaxDepth) luaL_error(state, "value nested deeper than %d levels", kMaxDepth);
  luaL_checkstack(state, 3, "value too large");
  if (value.isEmpty()) {
    lua_pushnil(state);
  } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    lua_createtable(state, 0, static_cast<int>(object->size()));
    for (const auto& [key, member] : *object) {
      push(state, member, depth + 1);
      lua_setfield(state, -2, key.c_str());
    }
  } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto array = value.extract<Poco::JSON::Array::Ptr>();
    lua_createtable(state, static_cast<int>(array->size()), 0);
    for (std::size_t i = 0; i < array->size(); ++i) {
      push(state, array->get(static_cast<unsigned>(i)), depth + 1);
      lua_rawseti(state, -2, static_cast<lua_Integer>(i) + 1);
    }
  } else if (value.type() == typeid(Poco::JSON::Object)) {
    push(state,
         Poco::Dynamic::Var(
             Poco::JSON::Object::Ptr(new Poco::JSON::Object(value.extract<Poco::JSON::Object>()))),
         depth);
  } else if (value.type() == typeid(Poco::JSON::Array)) {
    push(
        state,
        Poco::Dynamic::Var(Poco::JSON::Array::Ptr(new Poco::JSON::Array(value.extract<Poco::JSON::Array>()))),
        depth);
  } else if (value.isBoolean()) {
    lua_pushboolean(state, value.convert<bool>() ? 1 : 0);
  } else if (value.isInteger() && !value.isSigned()) {
    // An unsigned 64-bit value past lua_Integer's range becomes a float, as Lua reads an
    // integer literal that overflows; converting it to lua_Integer would throw.
    const auto number = value.convert<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(std::numeric_limits<lua_Integer>::max())) {
      lua_pushinteger(state, static_cast<lua_Integer>(number));
    } else {
      lua_pushnumber(state, static_cast<lua_Number>(number));
    }
  } else if (value.isInteger()) {
    lua_pushinteger(state, static_cast<lua_Integer>(value.convert<std::int64_t>()));
  } else if (value.isNumeric()) {
    lua_pushnumber(state, value.convert<double>());
  } else {
    const std::string text = value.convert<std::string>();
    lua_pushlstring(state, text.data(), text.size());
  }
}

Poco::Dynamic::Var read(lua_State* state, int index, int depth) {
  if (depth > kMaxDepth) luaL_error(state, "value nested deeper than %d levels", kMaxDepth);
  index = lua_absindex(state, index);
  switch (lua_type(state, index)) {
    case LUA_TNIL:
      return {};
    case LUA_TBOOLEAN:
      return lua_toboolean(state, index) != 0;
    case LUA_TNUMBER:
      if (lua_isinteger(state, index)) return static_cast<Poco::Int64>(lua_tointeger(state, index));
      // JSON has no NaN nor infinity: Poco would write them as bare words no reader takes.
      if (!std::isfinite(lua_tonumber(state, index)))
        luaL_error(state, "a non-finite number cannot be returned to the host");
      return lua_tonumber(state, index);
    case LUA_TSTRING: {
      std::size_t length = 0;
      const char* text = lua_tolstring(state, index, &length);
      return std::string(text, length);
    }
    case LUA_TTABLE: {
      luaL_checkstack(state, 4, "value too large");
      const lua_Unsigned length = lua_rawlen(state, index);
      lua_Unsigned keys = 0;
      bool sequence = true;
      lua_pushnil(state);
      while (lua_next(state, index) != 0) {
        ++keys;
        if (!lua_isinteger(state, -2) || lua_tointeger(state, -2) < 1 ||
            static_cast<lua_Unsigned>(lua_tointeger(state, -2)) > length) {
          sequence = false;
        }
        lua_pop(state, 1);
      }
      if (sequence && keys == length) {
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
        for (lua_Unsigned i = 1; i <= length; ++i) {
          lua_rawgeti(state, index, static_cast<lua_Integer>(i));
          array->add(read(state, -1, depth + 1));
          lua_pop(state, 1);
        }
        return array;
      }
      Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
      lua_pushnil(state);
      while (lua_next(state, index) != 0) {
        lua_pushvalue(state, -2);  // tostring on a copy: lua_next needs the key untouched
        const char* key = luaL_tolstring(state, -1, nullptr);
        object->set(key, read(state, -3, depth + 1));
        lua_pop(state, 3);
      }
      return object;
    }
    default:
      luaL_error(state, "a %s cannot be returned to the host", luaL_typename(state, index));
      return {};
  }
}

}  // namespace

void pushValue(lua_State* state, const Poco::Dynamic::Var& value) { push(state, value, 0); }

Poco::Dynamic::Var toValue(lua_State* state, int index) { return read(state, index, 0); }

}  // namespace cqpm::plugins
