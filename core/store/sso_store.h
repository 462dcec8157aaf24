#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// An organisation's identity provider as stored.
struct SsoProviderRecord {
  std::string organisation_id;
  std::string organisation_name;
  std::string issuer;
  std::string client_id;
  std::string client_secret;
  std::string updated_at;
};

/// A login under way (migration 0029).
struct SsoLoginRecord {
  std::string state_hash;
  std::string organisation_id;
  std::string nonce;
  std::string code_verifier;
  std::string created_at;
};

/// Identity providers and logins under way. Every function runs on the
/// session it is given.
namespace sso_store {

/// Inserts or replaces the organisation's provider.
void saveProvider(SqlSession& sql, const SsoProviderRecord& provider);
/// Removes it; false if there was none.
bool removeProvider(SqlSession& sql, const std::string& organisation_id);
std::optional<SsoProviderRecord> findProvider(SqlSession& sql, const std::string& organisation_id);
/// Every provider, by organisation name.
std::vector<SsoProviderRecord> providers(SqlSession& sql);

void insertLogin(SqlSession& sql, const SsoLoginRecord& login);
/// The login of `state_hash`, deleted as it is read: a state is good once.
std::optional<SsoLoginRecord> takeLogin(SqlSession& sql, const std::string& state_hash);
/// The active accounts of the organisation whose e-mail is `email`, letter
/// case aside (ASCII): ids, at most two (more than one is ambiguous).
std::vector<std::string> activeUsersWithEmail(SqlSession& sql, const std::string& organisation_id,
                                              const std::string& email);
/// Deletes the logins begun before `before`; returns how many.
std::int64_t purgeLoginsBefore(SqlSession& sql, const std::string& before);

}  // namespace sso_store

}  // namespace cqpm::store
