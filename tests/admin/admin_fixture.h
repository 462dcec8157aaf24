#pragma once

#include <Poco/JSON/Array.h>

#include <cctype>
#include <mutex>
#include <string>

#include "common/json_text.h"
#include "http/api_fixture.h"
#include "support/smtp_sink.h"

namespace cqpm::testing {

/// A real server per test (demo data, both backends) that e-mails one-time
/// links to a test SMTP sink, with a clock the test moves, and its scheduler
/// off: tests send the e-mails with runOnce.
class AdminTest : public ApiTest {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.configure = [this](app::ServerConfig& config) {
      config.scheduler_enabled = false;
      config.smtp.host = "127.0.0.1";
      config.smtp.port = sink_.port();
      config.smtp.from = "no-reply@cqpm.test";
      config.http.public_base_url = "http://hub.test";
      config.clock = [this] {
        std::lock_guard lock(clock_mutex_);
        return now_;
      };
    };
    server_ = std::make_unique<TestServer>(GetParam(), options);
    CQPM_REQUIRE_BACKEND(server_->database());
  }

  void advanceClock(const Poco::Timespan& by) {
    std::lock_guard lock(clock_mutex_);
    now_ += by;
  }

  /// Sends what is pending and returns the token of the newest link e-mailed
  /// to `email` ("/invitation/<token>" or "/mot-de-passe/<token>"), or empty.
  std::string mailedToken(const std::string& email, const std::string& kind = "/invitation/") {
    auto* dispatcher = server_->server().emailDispatcher();
    if (!dispatcher) return {};
    while (dispatcher->runOnce(Poco::Timestamp()) > 0) {
    }
    std::string token;
    for (const auto& message : sink_.messages()) {
      if (message.recipients.empty() || message.recipients[0] != email) continue;
      const std::string body = decoded(message.data);
      const auto at = body.find("http://hub.test" + kind);
      if (at == std::string::npos) continue;
      const auto start = at + std::string("http://hub.test").size() + kind.size();
      const auto end = body.find_first_of(" \r\n", start);
      token = body.substr(start, end - start);
    }
    return token;
  }

  /// The message with its quoted-printable soft line breaks and =XX escapes undone.
  static std::string decoded(const std::string& data) {
    std::string text;
    for (std::size_t i = 0; i < data.size(); ++i) {
      const bool escape = data[i] == '=';
      if (escape && data.compare(i + 1, 2, "\r\n") == 0) {
        i += 2;
      } else if (escape && data.compare(i + 1, 1, "\n") == 0) {
        i += 1;
      } else if (escape && i + 2 < data.size() && std::isxdigit(static_cast<unsigned char>(data[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(data[i + 2]))) {
        text += static_cast<char>(std::stoi(data.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        text += data[i];  // a plain character, or a lone '='
      }
    }
    return text;
  }

  HttpAnswer send(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& token) const {
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return client().request(method, path, body, headers);
  }

  /// The entries of the administration log after position `after`, as `token` reads them, newest first.
  std::vector<Poco::JSON::Object::Ptr> logAfter(const std::string& token, int after) const {
    std::vector<Poco::JSON::Object::Ptr> entries;
    const auto items = client().get("/api/v1/admin/log?limit=200", token).json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto entry = items->getObject(static_cast<unsigned>(i));
      if (entry->getValue<int>("seq") > after) entries.push_back(entry);
    }
    return entries;
  }

  /// The position of the newest entry of the administration log (0 when empty).
  int lastLogSeq() const {
    const auto items =
        client().get("/api/v1/admin/log?limit=1", client().login("admin")).json()->getArray("items");
    return items->size() == 0 ? 0 : items->getObject(0)->getValue<int>("seq");
  }

  /// The id of the organisation of `token`'s account.
  std::string ownOrganisation(const std::string& token) const {
    return client().get("/api/v1/me", token).json()->getObject("organisation")->getValue<std::string>("id");
  }

  /// Creates an account as `token`; returns the answer.
  HttpAnswer createAccount(const std::string& token, const std::string& login, const std::string& role,
                           const std::string& organisation_id, const std::string& college = "") const {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("login", login);
    body->set("display_name", "Compte " + login);
    body->set("email", login + "@exemple.fr");
    body->set("role", role);
    body->set("organisation_id", organisation_id);
    if (!college.empty()) body->set("college", college);
    return send("POST", "/api/v1/users", toJsonText(body), token);
  }

  SmtpSink sink_;
  std::mutex clock_mutex_;
  Poco::Timestamp now_;
};

}  // namespace cqpm::testing
