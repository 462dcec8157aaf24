#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/user_account.h"
#include "store/database.h"

namespace cqpm::store {

/// Which accounts a list reads.
struct UserFilter {
  std::optional<std::string> organisation_id;
  std::optional<domain::Role> role;
  std::optional<std::string> status;  ///< "active", "invited" (no password yet) or "inactive"
  std::string text;                   ///< part of login, name or e-mail (case-insensitive)
  /// Who reads: nullopt reads every account; otherwise accounts of these
  /// organisations only (and of the companies working with them, when
  /// `with_companies_of` names a centre).
  std::optional<std::vector<std::string>> organisation_ids;
  std::optional<std::string> with_companies_of;
};
/// Organisations, users and login sessions. Every function runs on the
/// session it is given (inside Database::read or Database::write).
namespace account_store {

/// Throws Error{kConflict} naming "login" or "email" when either is taken
/// (e-mails compare case-insensitively and are stored lower-cased).
void insertUser(SqlSession& sql, const domain::UserAccount& user, const std::string& now);
/// Rewrites every column but id, login and created_at. Same conflict on "email".
void updateUser(SqlSession& sql, const domain::UserAccount& user, const std::string& now);
std::optional<domain::UserAccount> findUser(SqlSession& sql, const std::string& id);
std::optional<domain::UserAccount> findUserByLogin(SqlSession& sql, const std::string& login);
/// Any account with this e-mail (case-insensitive).
std::optional<domain::UserAccount> findUserByEmail(SqlSession& sql, const std::string& email);
std::optional<domain::UserAccount> findUserByEmail(SqlSession& sql, const std::string& email,
                                                   domain::Role role);
std::int64_t countUsers(SqlSession& sql);

/// Up to `limit` accounts with a login after `after_login`, by login.
std::vector<domain::UserAccount> listUserPage(SqlSession& sql, const UserFilter& filter,
                                              const std::string& after_login, int limit);

/// Active users of an organisation with a role, by display name.
std::vector<domain::UserAccount> listUsers(SqlSession& sql, const std::string& organisation_id,
                                           domain::Role role);

/// `sso_organisation_id`: the organisation whose identity provider opened the session (none for a password).
void insertSession(SqlSession& sql, const std::string& token_hash, const std::string& user_id,
                   const std::string& created_at, const std::string& expires_at,
                   const std::optional<std::string>& sso_organisation_id = std::nullopt);
/// The actor of a live session (not revoked, not expired at `now`, user active).
std::optional<domain::Actor> findSessionActor(SqlSession& sql, const std::string& token_hash,
                                              const std::string& now);
/// The actor of an active user, or nullopt.
std::optional<domain::Actor> actorOfUser(SqlSession& sql, const std::string& user_id);
/// Marks the session revoked; returns false if it was not live.
bool revokeSession(SqlSession& sql, const std::string& token_hash, const std::string& now);
/// The organisation whose identity provider opened the session, if one did and it is not revoked.
std::optional<std::string> ssoOrganisationOfSession(SqlSession& sql, const std::string& token_hash);
/// Revokes every live session of the organisation's accounts (deactivation); returns how many.
std::int64_t revokeSessionsOfOrganisation(SqlSession& sql, const std::string& organisation_id,
                                          const std::string& now);
/// Revokes every live session of the user but the one whose hash is
/// `except_token_hash` (if any); returns how many.
std::int64_t revokeSessionsOfUser(SqlSession& sql, const std::string& user_id, const std::string& now,
                                  const std::string& except_token_hash = {});

}  // namespace account_store
}  // namespace cqpm::store
