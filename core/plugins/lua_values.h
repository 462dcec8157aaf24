#pragma once

#include <Poco/Dynamic/Var.h>

struct lua_State;

namespace cqpm::plugins {

/// Pushes a JSON-like value (null, bool, number, string, Poco JSON object or
/// array) onto the Lua stack: objects become tables with string keys, arrays
/// tables indexed 1..n, null becomes nil.
void pushValue(lua_State* state, const Poco::Dynamic::Var& value);

/// Reads the Lua value at `index` as a JSON-like value: a table whose keys are
/// exactly 1..n (or an empty table) becomes an array, any other table an object
/// with its keys as strings; functions and other userdata are refused. Raises
/// a Lua error (so call it inside a protected call) for values nested deeper
/// than 64 levels (cycles included).
Poco::Dynamic::Var toValue(lua_State* state, int index);

}  // namespace cqpm::plugins
