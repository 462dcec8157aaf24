#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/organisation.h"
#include "domain/user_account.h"
#include "store/database.h"

namespace cqpm::store {

/// Organisations, users and login sessions. Every function runs on the
/// session it is given (inside Database::read or Database::write).
namespace account_store {

void insertOrganisation(SqlSession& sql, const domain::Organisation& organisation);
std::optional<domain::Organisation> findOrganisation(SqlSession& sql, const std::string& id);
/// All organisations, or those of one kind, by name.
std::vector<domain::Organisation> listOrganisations(SqlSession& sql,
                                                    std::optional<domain::OrganisationKind> kind);
std::int64_t countOrganisations(SqlSession& sql);

/// Throws Error{kConflict, field "login"} when the login is taken.
void insertUser(SqlSession& sql, const domain::UserAccount& user);
std::optional<domain::UserAccount> findUserByLogin(SqlSession& sql, const std::string& login);
std::optional<domain::UserAccount> findUserByEmail(SqlSession& sql, const std::string& email,
                                                   domain::Role role);

/// Active users of an organisation with a role, by display name.
std::vector<domain::UserAccount> listUsers(SqlSession& sql, const std::string& organisation_id,
                                           domain::Role role);

void insertSession(SqlSession& sql, const std::string& token_hash, const std::string& user_id,
                   const std::string& created_at, const std::string& expires_at);
/// The actor of a live session (not revoked, not expired at `now`, user active).
std::optional<domain::Actor> findSessionActor(SqlSession& sql, const std::string& token_hash,
                                              const std::string& now);
/// The actor of an active user, or nullopt.
std::optional<domain::Actor> actorOfUser(SqlSession& sql, const std::string& user_id);
/// Marks the session revoked; returns false if it was not live.
bool revokeSession(SqlSession& sql, const std::string& token_hash, const std::string& now);

}  // namespace account_store
}  // namespace cqpm::store
