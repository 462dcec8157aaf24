#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// A one-time link's token as stored: only its SHA-256.
struct AccountToken {
  std::string token_hash;
  std::string user_id;
  std::string purpose;  ///< "invitation", "password_reset" or "file_link"
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> subject_id;  ///< "file_link": the candidate file to attach
};

/// One-time tokens of invitations and password resets. Every function runs on
/// the session it is given.
namespace account_token_store {

/// Revokes the user's live tokens of the same purpose (and subject), then
/// inserts `token`: only the newest link works.
void replace(SqlSession& sql, const AccountToken& token);
std::optional<AccountToken> find(SqlSession& sql, const std::string& token_hash);
/// Marks the token used; false if it was already used or revoked (a race lost).
bool markUsed(SqlSession& sql, const std::string& token_hash, const std::string& at);
/// Revokes every live token of the user (deactivation); returns how many.
std::int64_t revokeAllOfUser(SqlSession& sql, const std::string& user_id, const std::string& at);
/// Tokens created for the user since `since` with this purpose (rate limits).
std::int64_t countSince(SqlSession& sql, const std::string& user_id, const std::string& purpose,
                        const std::string& since);

}  // namespace account_token_store
}  // namespace cqpm::store
