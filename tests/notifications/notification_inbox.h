#pragma once

#include <Poco/Net/MailMessage.h>

#include <sstream>
#include <string>

#include "http/api_fixture.h"

namespace cqpm::testing {

/// The notifications of `token`'s user of `kind` (any file or none), newest first.
inline std::vector<Poco::JSON::Object::Ptr> notificationsOfKind(const HttpClient& client,
                                                                const std::string& token,
                                                                const std::string& kind) {
  const auto items = client.get("/api/v1/notifications?limit=200", token).json()->getArray("items");
  std::vector<Poco::JSON::Object::Ptr> found;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    if (item->getValue<std::string>("kind") == kind) found.push_back(item);
  }
  return found;
}

/// A notification's link, "" when it has none.
inline std::string linkOf(const Poco::JSON::Object::Ptr& notification) {
  return notification->isNull("link") ? std::string() : notification->getValue<std::string>("link");
}

/// The decoded text of a message the SMTP sink received (headers and
/// quoted-printable body as sent after DATA).
inline std::string mailText(const std::string& data) {
  std::istringstream in(data);
  Poco::Net::MailMessage message;
  message.read(in);
  return message.getContent();
}

}  // namespace cqpm::testing
