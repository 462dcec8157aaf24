#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "app/server.h"
#include "support/test_database.h"

namespace cqpm::testing {

/// An answer from the server under test.
struct HttpAnswer {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  ///< names lower-cased; last value wins

  /// The body parsed as a JSON object (fails the test if it is not one).
  Poco::JSON::Object::Ptr json() const;
  /// error.code of an error answer, or empty.
  std::string errorCode() const;
  std::string errorField() const;
};

/// A minimal HTTP client for tests: one request per call, on a new connection.
class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}

  HttpAnswer request(const std::string& method, const std::string& path, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {}) const;
  HttpAnswer get(const std::string& path, const std::string& token) const;
  HttpAnswer postJson(const std::string& path, const std::string& body, const std::string& token,
                      std::map<std::string, std::string> headers = {}) const;
  /// Logs in and returns the bearer token (fails the test on error).
  std::string login(const std::string& login, const std::string& password = "demo") const;

 private:
  int port_;
};

/// What a test may change in the server it starts.
struct TestServerOptions {
  std::string plugins_dir;  ///< empty: the project's plugins/
  /// Last changes to the configuration before the server is built (clock, SMTP, scheduler...).
  std::function<void(app::ServerConfig&)> configure;
  /// True when `configure` changes nothing the demo's seeding reads (the certifier's ids, say): the
  /// server then starts from the seeded demo snapshot, as an unconfigured one does, not afresh.
  bool configure_keeps_seed = false;
};

/// The real server, in process, on a loopback port chosen by the system, over
/// a fresh database of the given backend, with the demo data and a cheap
/// password hash. Stopped and removed when destroyed.
class TestServer {
 public:
  explicit TestServer(const std::string& backend, const TestServerOptions& options = {});
  ~TestServer();

  bool available() const { return database_.available(); }
  const TestDatabase& database() const { return database_; }
  app::Server& server() { return *server_; }
  HttpClient client() const { return HttpClient(server_->port()); }
  int port() const { return server_->port(); }

 private:
  TestDatabase database_;
  std::unique_ptr<app::Server> server_;
};

}  // namespace cqpm::testing
