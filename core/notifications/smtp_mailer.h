#pragma once

#include <string>

namespace cqpm::notifications {

/// Where e-mail goes. An empty host means no e-mail: notifications stay in-app.
struct SmtpSettings {
  std::string host;
  int port = 25;
  std::string from = "CQPM Hub <no-reply@cqpm.local>";
  int timeout_seconds = 15;

  bool enabled() const { return !host.empty(); }
};

/// Sends one plain-text UTF-8 e-mail per call through the SMTP server of
/// `settings` (Poco::Net::SMTPClientSession, no authentication: a relay on
/// the host or the local network). Stateless between calls; thread-safe.
class SmtpMailer {
 public:
  explicit SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}

  /// Throws Poco::Exception (network, refused recipient...) when the message
  /// was not accepted by the server.
  void send(const std::string& to_email, const std::string& to_name, const std::string& subject,
            const std::string& body) const;

  const SmtpSettings& settings() const { return settings_; }

 private:
  SmtpSettings settings_;
};

}  // namespace cqpm::notifications
