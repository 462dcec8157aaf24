#pragma once

#include <Poco/DateTimeParser.h>
#include <Poco/UUIDGenerator.h>

#include <functional>
#include <string>

#include "common/clock.h"
#include "domain/file_event.h"
#include "http/api_fixture.h"
#include "store/event_store.h"
#include "support/smtp_sink.h"

namespace cqpm::testing {

/// The UTC instant written "YYYY-MM-DDTHH:MM:SSZ".
inline Poco::Timestamp utc(const std::string& text) {
  int tz = 0;
  return Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FORMAT, text, tz).timestamp();
}

/// A real server per test whose scheduler thread is off: tests drive the
/// reminders, the notifier and the e-mail with runOnce, at the times they choose.
class NotifyTest : public ApiTest {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.configure = [this](app::ServerConfig& config) {
      config.scheduler_enabled = false;
      configure(config);
    };
    server_ = std::make_unique<TestServer>(GetParam(), options);
    CQPM_REQUIRE_BACKEND(server_->database());
    // The demo's own deadlines (days around today) are long past in 2031, when
    // the tests' deadlines fall: their overdue notices go first, out of the way.
    server_->server().reminders().runOnce(utc("2031-01-01T00:00:00Z"));
  }

  /// Overridden by suites that need more (SMTP, a clock...).
  virtual void configure(app::ServerConfig&) {}

  /// Has the server e-mail through `sink`, its links starting with `public_url`.
  static void mailThrough(app::ServerConfig& config, const SmtpSink& sink, const std::string& public_url) {
    config.smtp.host = "127.0.0.1";
    config.smtp.port = sink.port();
    config.smtp.timeout_seconds = 5;
    config.http.public_base_url = public_url;
  }

  app::Server& app() { return server_->server(); }

  std::string registeredFile(const std::string& centre, const std::string& name = "Echeance",
                             const std::string& pathway = "employee") const {
    const std::string id = createFile(centre, name, pathway)->getValue<std::string>("id");
    EXPECT_EQ(fire(centre, id, "register", 1).status, 200);
    return id;
  }

  HttpAnswer setDeadline(const std::string& token, const std::string& file, const std::string& due) const {
    return client().request("PUT", "/api/v1/files/" + file + "/deadlines/report", R"({"due":")" + due + "\"}",
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  }

  HttpAnswer extend(const std::string& token, const std::string& file, const std::string& until,
                    const std::string& reason = "Arrêt maladie du candidat") const {
    return client().postJson("/api/v1/files/" + file + "/deadlines/report/extensions",
                             R"({"until":")" + until + R"(","reason":")" + reason + "\"}", token);
  }

  HttpAnswer upload(const std::string& token, const std::string& path, const std::string& kind,
                    bool kind_first = true) const {
    const std::string boundary = "cqpm-notify-boundary";
    const std::string kind_part =
        kind.empty()
            ? ""
            : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n";
    const std::string file_part =
        "--" + boundary +
        "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rapport.pdf\"\r\n"
        "Content-Type: application/pdf\r\n\r\n" +
        kPdf + "\r\n";
    const std::string body =
        (kind_first ? kind_part + file_part : file_part + kind_part) + "--" + boundary + "--\r\n";
    return client().request("POST", path, body,
                            {{"Authorization", "Bearer " + token},
                             {"Content-Type", "multipart/form-data; boundary=" + boundary}});
  }

  /// Records a state change in the file's event log, as a transition would:
  /// the notifier reads nothing else.
  void appendStateChange(const std::string& file_id, const std::string& from, const std::string& to,
                         const std::string& transition) {
    const std::string actor_id =
        server_->client().get("/api/v1/me", client().login("centre")).json()->getValue<std::string>("id");
    app().database().write([&](store::SqlSession& sql) {
      domain::FileEvent event;
      event.file_id = file_id;
      event.transition = transition;
      event.from_state = from;
      event.to_state = to;
      event.actor_id = actor_id;
      event.organisation_id = "test";
      event.payload_json = "{}";
      event.at = nowIso8601(systemClock());
      store::event_store::append(sql, event);
    });
  }

  /// The notifications of `token`'s user about `file`, of `kind`.
  int countNotifications(const std::string& token, const std::string& file, const std::string& kind) const {
    const auto items = client().get("/api/v1/notifications?limit=200", token).json()->getArray("items");
    int count = 0;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto item = items->getObject(static_cast<unsigned>(i));
      if (!item->isNull("file_id") && item->getValue<std::string>("file_id") == file &&
          item->getValue<std::string>("kind") == kind) {
        ++count;
      }
    }
    return count;
  }
};

}  // namespace cqpm::testing
