#pragma once

#include <string>

#include "auth/password_hasher.h"
#include "http/api_context.h"
#include "plugins/lua_sandbox.h"

namespace cqpm::app {

/// Everything the server needs to start, from the command line and the
/// optional configuration file (keys `cqpm.*`, see deploy/cqpm.properties.example).
struct ServerConfig {
  std::string data_dir = "var";  ///< SQLite file, and later the git store and documents
  std::string database_url;      ///< empty: SQLite in data_dir
  std::string bind = "0.0.0.0";
  int port = 8080;                           ///< 0 picks a free port (tests)
  bool demo = false;                         ///< seed the demo data into an empty database
  std::string share_dir = CQPM_SOURCE_ROOT;  ///< holds workflows/ and schemas/
  std::string plugins_dir;                   ///< the CQPM plugins; empty: share_dir/plugins
  plugins::SandboxLimits sandbox_limits{32u << 20, 20'000'000, std::chrono::milliseconds(500)};
  int max_threads = 64;
  int max_queued = 256;
  int keep_alive_seconds = 5;     ///< short: idle keep-alive connections hold a thread each
  int read_timeout_seconds = 15;  ///< per socket read
  auth::PasswordHashCost password_cost;
  http::HttpSettings http;
};

}  // namespace cqpm::app
