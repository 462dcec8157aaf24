#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cqpm::notifications {

/// How a user wants the e-mails of their notifications; in-app notifications
/// exist whatever the choice. Users who never chose get kImmediate.
enum class EmailFrequency {
  kImmediate,  ///< one e-mail per notification, as soon as it is created
  kDaily,      ///< one digest a day (Europe/Paris) grouping the day's notifications
  kNone,       ///< no e-mail (one-time account links still go out: they are the only way in)
};

std::string_view emailFrequencyName(EmailFrequency frequency);  ///< "immediate" | "daily" | "none"
std::optional<EmailFrequency> parseEmailFrequency(std::string_view name);

/// The e-mail state a new notification starts in for a user with `frequency`:
/// "pending" (sent by EmailDispatcher), "digest" (waits for EmailDigests) or "none".
std::string_view initialEmailState(EmailFrequency frequency);

}  // namespace cqpm::notifications
