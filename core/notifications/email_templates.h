#pragma once

#include <string>
#include <vector>

#include "store/notification_store.h"

namespace cqpm::notifications {

/// One e-mail ready to go: French subject and plain-text body.
struct EmailText {
  std::string subject;
  std::string body;
};

/// The absolute address of the page a notification is about: its own link,
/// else its file's page, else the page of its kind (transfers), else the
/// notifications page; `public_url` is cqpm.public_url (a trailing "/" is ignored).
std::string notificationUrl(const store::PendingEmail& notification, const std::string& public_url);

/// The e-mail of one notification, from the template of its kind: the
/// notification's own title as subject; a greeting, its text, the link with a
/// sentence saying where it leads, and a footer saying where to change how
/// e-mails are received. A one-time account link goes out as written, with a
/// signature only.
EmailText notificationEmail(const store::PendingEmail& notification, const std::string& public_url);

/// The daily digest of `paris_day` (YYYY-MM-DD) grouping `notifications`
/// (non-empty, oldest first), each with its title, text and link.
EmailText digestEmail(const std::string& display_name, const std::string& paris_day,
                      const std::vector<store::PendingEmail>& notifications, const std::string& public_url);

}  // namespace cqpm::notifications
