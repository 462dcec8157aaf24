#pragma once

#include <string>

#include "app/server.h"
#include "support/test_database.h"
#include "support/test_server.h"

// One more server over an existing test database: a restart on the same data
// folder, or a second instance with a folder of its own (one server per
// folder). On SQLite another folder reaches the same database file explicitly.

namespace cqpm::testing {

/// A server on loopback (a free port) over the SQLite database of `data_dir`:
/// no demo, cheap password hashes, no pages, no scheduler thread.
inline app::ServerConfig serverConfigIn(const std::string& data_dir) {
  app::ServerConfig config;
  config.data_dir = data_dir;
  config.bind = "127.0.0.1";
  config.port = 0;
  config.share_dir = CQPM_SOURCE_ROOT;
  config.password_cost = {64, 1, 1};
  config.http.web_root.clear();
  config.scheduler_enabled = false;
  return config;
}

/// The configuration of an instance over `database` with data folder
/// `data_dir` (the database's own when empty), demo data kept or seeded.
inline app::ServerConfig instanceConfig(const TestDatabase& database, const std::string& data_dir = {}) {
  app::ServerConfig config = serverConfigIn(data_dir.empty() ? database.dataDir() : data_dir);
  config.database_url = !database.url().empty() || data_dir.empty()
                            ? database.url()
                            : "sqlite:" + database.dataDir() + "/cqpm.db";
  config.demo = true;
  return config;
}

/// An instance started at once and stopped when destroyed.
struct RunningInstance {
  RunningInstance(const TestDatabase& database, const std::string& data_dir = {})
      : server(instanceConfig(database, data_dir)) {
    server.start();
  }
  ~RunningInstance() { server.stop(); }
  RunningInstance(const RunningInstance&) = delete;
  RunningInstance& operator=(const RunningInstance&) = delete;
  HttpClient client() const { return HttpClient(server.port()); }

  app::Server server;
};

}  // namespace cqpm::testing
