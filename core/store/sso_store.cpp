#include "store/sso_store.h"

#include "store/row_reader.h"

namespace cqpm::store::sso_store {

namespace {

constexpr const char* kProviderColumns =
    "SELECT p.organisation_id, o.name, p.issuer, p.client_id, p.client_secret, p.updated_at FROM "
    "sso_providers p "
    "JOIN organisations o ON o.id = p.organisation_id";

SsoProviderRecord providerOf(const RowReader& row) {
  return {row.text("organisation_id"), row.text("name"),          row.text("issuer"),
          row.text("client_id"),       row.text("client_secret"), row.text("updated_at")};
}

}  // namespace

void saveProvider(SqlSession& sql, const SsoProviderRecord& provider) {
  sql.query(
         "INSERT INTO sso_providers (organisation_id, issuer, client_id, client_secret, updated_at) VALUES "
         "(?, ?, "
         "?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE SET issuer = excluded.issuer, client_id = "
         "excluded.client_id, client_secret = excluded.client_secret, updated_at = excluded.updated_at")
      .bind(provider.organisation_id)
      .bind(provider.issuer)
      .bind(provider.client_id)
      .bind(provider.client_secret)
      .bind(provider.updated_at)
      .execute();
}

bool removeProvider(SqlSession& sql, const std::string& organisation_id) {
  return sql.query("DELETE FROM sso_providers WHERE organisation_id = ?").bind(organisation_id).execute() > 0;
}

std::optional<SsoProviderRecord> findProvider(SqlSession& sql, const std::string& organisation_id) {
  std::optional<SsoProviderRecord> found;
  sql.query(std::string(kProviderColumns) + " WHERE p.organisation_id = ?")
      .bind(organisation_id)
      .forEachRow([&](const RowReader& row) { found = providerOf(row); });
  return found;
}

std::vector<SsoProviderRecord> providers(SqlSession& sql) {
  std::vector<SsoProviderRecord> found;
  sql.query(std::string(kProviderColumns) + " ORDER BY o.name, p.organisation_id")
      .forEachRow([&](const RowReader& row) { found.push_back(providerOf(row)); });
  return found;
}

void insertLogin(SqlSession& sql, const SsoLoginRecord& login) {
  sql.query(
         "INSERT INTO sso_logins (state_hash, organisation_id, nonce, code_verifier, created_at) VALUES (?, "
         "?, ?, "
         "?, ?)")
      .bind(login.state_hash)
      .bind(login.organisation_id)
      .bind(login.nonce)
      .bind(login.code_verifier)
      .bind(login.created_at)
      .execute();
}

std::optional<SsoLoginRecord> takeLogin(SqlSession& sql, const std::string& state_hash) {
  std::optional<SsoLoginRecord> found;
  sql.query(
         "SELECT state_hash, organisation_id, nonce, code_verifier, created_at FROM sso_logins WHERE "
         "state_hash = ?")
      .bind(state_hash)
      .forEachRow([&](const RowReader& row) {
        found = SsoLoginRecord{row.text("state_hash"), row.text("organisation_id"), row.text("nonce"),
                               row.text("code_verifier"), row.text("created_at")};
      });
  // Deleted in the same transaction; a concurrent callback with the same
  // state deletes nothing and is refused.
  if (found && sql.query("DELETE FROM sso_logins WHERE state_hash = ?").bind(state_hash).execute() == 0)
    return std::nullopt;
  return found;
}

std::vector<std::string> activeUsersWithEmail(SqlSession& sql, const std::string& organisation_id,
                                              const std::string& email) {
  std::vector<std::string> ids;
  sql.query(
         "SELECT id FROM users WHERE organisation_id = ? AND active = 1 AND LOWER(email) = LOWER(?) ORDER BY "
         "id LIMIT 2")
      .bind(organisation_id)
      .bind(email)
      .forEachRow([&](const RowReader& row) { ids.push_back(row.text("id")); });
  return ids;
}

std::int64_t purgeLoginsBefore(SqlSession& sql, const std::string& before) {
  return static_cast<std::int64_t>(
      sql.query("DELETE FROM sso_logins WHERE created_at < ?").bind(before).execute());
}

}  // namespace cqpm::store::sso_store
