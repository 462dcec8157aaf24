#include "notifications/smtp_mailer.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>

namespace cqpm::notifications {

void SmtpMailer::send(const std::string& to_email, const std::string& to_name, const std::string& subject,
                      const std::string& body) const {
  Poco::Net::MailMessage message;
  message.setSender(settings_.from);
  message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, to_email,
                                                Poco::Net::MailMessage::encodeWord(to_name, "UTF-8")));
  message.setSubject(Poco::Net::MailMessage::encodeWord(subject, "UTF-8"));
  message.setContentType("text/plain; charset=UTF-8");
  // Quoted-printable keeps the French accents intact through any relay.
  message.setContent(body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);

  Poco::Net::SMTPClientSession session(settings_.host, static_cast<Poco::UInt16>(settings_.port));
  session.setTimeout(Poco::Timespan(settings_.timeout_seconds, 0));
  try {
    session.login();
    session.sendMessage(message);
    session.close();
  } catch (...) {
    try {
      session.close();
    } catch (const Poco::Exception&) {
      // Already failing: the first error is the one to report.
    }
    throw;
  }
}

}  // namespace cqpm::notifications
