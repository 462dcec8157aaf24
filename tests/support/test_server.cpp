#include "support/test_server.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <gtest/gtest.h>

#include <optional>

#include "support/seeded_snapshot.h"

namespace cqpm::testing {

Poco::JSON::Object::Ptr HttpAnswer::json() const {
  try {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    ADD_FAILURE() << "not a JSON object (" << e.displayText() << "): " << body;
    return new Poco::JSON::Object;
  }
}

std::string HttpAnswer::errorCode() const {
  auto object = json();
  auto error = object->getObject("error");
  return error ? error->optValue<std::string>("code", "") : "";
}

std::string HttpAnswer::errorField() const {
  auto object = json();
  auto error = object->getObject("error");
  return error && !error->isNull("field") ? error->optValue<std::string>("field", "") : "";
}

HttpAnswer HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                               const std::map<std::string, std::string>& headers) const {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "POST" || method == "PUT") {
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    if (!request.has("Content-Type")) request.setContentType("application/json");
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpAnswer answer;
  answer.status = response.getStatus();
  Poco::StreamCopier::copyToString(in, answer.body);
  for (const auto& [name, value] : response) answer.headers[Poco::toLower(name)] = value;
  return answer;
}

HttpAnswer HttpClient::get(const std::string& path, const std::string& token) const {
  return request("GET", path, {},
                 token.empty() ? std::map<std::string, std::string>{}
                               : std::map<std::string, std::string>{{"Authorization", "Bearer " + token}});
}

HttpAnswer HttpClient::postJson(const std::string& path, const std::string& body, const std::string& token,
                                std::map<std::string, std::string> headers) const {
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  return request("POST", path, body, headers);
}

std::string HttpClient::login(const std::string& login, const std::string& password) const {
  const auto answer =
      postJson("/api/v1/auth/login", R"({"login":")" + login + R"(","password":")" + password + R"("})", "");
  EXPECT_EQ(answer.status, 200) << answer.body;
  if (answer.status != 200) return {};
  return answer.json()->getValue<std::string>("token");
}

namespace {

/// What every test server runs with before a test's own changes: loopback,
/// a port the system picks, the demo, no web pages, a cheap password hash.
app::ServerConfig testServerConfig(const std::string& data_dir, const std::string& url) {
  app::ServerConfig config;
  config.data_dir = data_dir;
  config.database_url = url;
  config.bind = "127.0.0.1";
  config.port = 0;
  config.demo = true;
  config.share_dir = CQPM_SOURCE_ROOT;
  config.password_cost = {64, 1, 1};  // tests do not need a slow hash
  config.http.web_root.clear();
  return config;
}

/// The demo snapshot, when this server would seed exactly it: a test that
/// changes the configuration (its clock, SMTP, plugins...) may see the seeding
/// itself, so it seeds afresh.
std::optional<SeededSnapshot> snapshotFor(const std::string& backend, const TestServerOptions& options) {
  if ((options.configure && !options.configure_keeps_seed) || !options.plugins_dir.empty())
    return std::nullopt;
  return demoSnapshot(backend, [](const std::string& data_dir, const std::string& url) {
    app::Server seeding(testServerConfig(data_dir, url));
    seeding.start();
    seeding.stop();
  });
}

TestDatabase databaseFor(const std::string& backend, const TestServerOptions& options) {
  const auto snapshot = snapshotFor(backend, options);
  return snapshot ? TestDatabase(backend, *snapshot) : TestDatabase(backend);
}

}  // namespace

TestServer::TestServer(const std::string& backend, const TestServerOptions& options)
    : database_(databaseFor(backend, options)) {
  if (!database_.available()) return;
  app::ServerConfig config = testServerConfig(database_.dataDir(), database_.url());
  config.plugins_dir = options.plugins_dir;
  if (options.configure) options.configure(config);
  server_ = std::make_unique<app::Server>(config);
  server_->start();
}

TestServer::~TestServer() {
  if (server_) server_->stop();
}

}  // namespace cqpm::testing
