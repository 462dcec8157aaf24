#include "support/test_server.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <gtest/gtest.h>

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

TestServer::TestServer(const std::string& backend, const TestServerOptions& options) : database_(backend) {
  if (!database_.available()) return;
  app::ServerConfig config;
  config.data_dir = database_.dataDir();
  config.database_url = database_.url();
  config.bind = "127.0.0.1";
  config.port = 0;
  config.demo = true;
  config.share_dir = CQPM_SOURCE_ROOT;
  config.password_cost = {64, 1, 1};  // tests do not need a slow hash
  config.http.web_root.clear();
  config.plugins_dir = options.plugins_dir;
  if (options.configure) options.configure(config);
  server_ = std::make_unique<app::Server>(config);
  server_->start();
}

TestServer::~TestServer() {
  if (server_) server_->stop();
}

}  // namespace cqpm::testing
