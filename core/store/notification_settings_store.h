#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// Each user's e-mail choice for their notifications (notification_settings).
/// Values are checked by the caller (notifications/email_frequency.h).
namespace notification_settings_store {

/// The user's choice ("immediate", "daily", "none"); nullopt when never made.
std::optional<std::string> emailFrequency(SqlSession& sql, const std::string& user_id);
void setEmailFrequency(SqlSession& sql, const std::string& user_id, const std::string& frequency,
                       const std::string& at);
/// Moves the user's notifications whose e-mail has not gone out yet (pending or
/// waiting for a digest, never a one-time account link) to `email_state`, so a
/// new choice also applies to what is waiting. Returns how many moved.
std::int64_t redirectWaitingEmails(SqlSession& sql, const std::string& user_id,
                                   const std::string& email_state);

}  // namespace notification_settings_store
}  // namespace cqpm::store
