#pragma once

#include <string>
#include <vector>

#include "store/database.h"
#include "store/notification_store.h"

namespace cqpm::store {

/// The daily e-mail digests: notifications waiting for one (email_state
/// "digest"), the digests claimed and sent (email_digests).
namespace email_digest_store {

/// Users with notifications waiting for a digest created before `before`, by id.
std::vector<std::string> usersWaiting(SqlSession& sql, const std::string& before, int limit);
/// Claims the user's digest of `paris_day` and gathers into it their
/// notifications waiting since before `before` (-> "digest_sending"); returns
/// how many it gathered, 0 when that day's digest was claimed already (by this
/// or another instance) or nothing waits (then nothing stays claimed).
std::int64_t claim(SqlSession& sql, const std::string& user_id, const std::string& paris_day,
                   const std::string& before, const std::string& now);
/// The notifications of the user's claimed digest of `paris_day`, oldest first,
/// with the user's address.
std::vector<PendingEmail> gathered(SqlSession& sql, const std::string& user_id, const std::string& paris_day);
void markSent(SqlSession& sql, const std::string& user_id, const std::string& paris_day,
              const std::string& at);
/// The SMTP server refused the digest: its notifications wait again and the
/// claim is dropped, so a later run retries that day's digest.
void release(SqlSession& sql, const std::string& user_id, const std::string& paris_day,
             const std::string& error);

}  // namespace email_digest_store
}  // namespace cqpm::store
