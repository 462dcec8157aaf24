#pragma once

namespace cqpm::plugins {

/// The Lua source of the host library (core/plugins/host_library.lua, compiled in).
const char* hostLibrarySource();

}  // namespace cqpm::plugins
