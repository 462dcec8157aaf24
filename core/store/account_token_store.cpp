#include "store/account_token_store.h"

#include "store/row_reader.h"

namespace cqpm::store::account_token_store {

void replace(SqlSession& sql, const AccountToken& token) {
  std::string user = token.user_id, purpose = token.purpose, at = token.created_at,
              subject = token.subject_id.value_or("");
  auto revoke = sql.query(
      "UPDATE account_tokens SET revoked_at = ? WHERE user_id = ? AND purpose = ? AND COALESCE(subject_id, "
      "'') = ? "
      "AND used_at IS NULL AND revoked_at IS NULL");
  revoke.bind(at).bind(user).bind(purpose).bind(subject);
  revoke.execute();
  std::string hash = token.token_hash, expires = token.expires_at;
  Poco::Nullable<std::string> subject_id;
  if (token.subject_id) subject_id = *token.subject_id;
  auto insert = sql.query(
      "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at, subject_id) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(hash).bind(user).bind(purpose).bind(at).bind(expires).bind(subject_id);
  insert.execute();
}

std::optional<AccountToken> find(SqlSession& sql, const std::string& token_hash) {
  std::string hash = token_hash;
  auto stmt = sql.query(
      "SELECT token_hash, user_id, purpose, created_at, expires_at, used_at, revoked_at, subject_id "
      "FROM account_tokens WHERE token_hash = ?");
  stmt.bind(hash);
  std::optional<AccountToken> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found = AccountToken{
        row.text("token_hash"),         row.text("user_id"),           row.text("purpose"),
        row.text("created_at"),         row.text("expires_at"),        row.optionalText("used_at"),
        row.optionalText("revoked_at"), row.optionalText("subject_id")};
  });
  return found;
}

bool markUsed(SqlSession& sql, const std::string& token_hash, const std::string& at) {
  std::string hash = token_hash, when = at;
  auto stmt = sql.query(
      "UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS "
      "NULL");
  stmt.bind(when).bind(hash);
  return stmt.execute() > 0;
}

std::int64_t revokeAllOfUser(SqlSession& sql, const std::string& user_id, const std::string& at) {
  std::string user = user_id, when = at;
  auto stmt = sql.query(
      "UPDATE account_tokens SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS "
      "NULL");
  stmt.bind(when).bind(user);
  return static_cast<std::int64_t>(stmt.execute());
}

std::int64_t countSince(SqlSession& sql, const std::string& user_id, const std::string& purpose,
                        const std::string& since) {
  std::string user = user_id, kind = purpose, from = since;
  return sql
      .query("SELECT COUNT(*) AS n FROM account_tokens WHERE user_id = ? AND purpose = ? AND created_at >= ?")
      .bind(user)
      .bind(kind)
      .bind(from)
      .integer("n");
}

}  // namespace cqpm::store::account_token_store
