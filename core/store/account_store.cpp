#include "store/account_store.h"

#include <cctype>

#include "common/clock.h"
#include "store/change_keys.h"
#include "store/row_reader.h"

namespace cqpm::store::account_store {

using domain::UserAccount;

namespace {

UserAccount readUser(const RowReader& row) {
  UserAccount user;
  user.id = row.text("id");
  user.login = row.text("login");
  user.display_name = row.text("display_name");
  user.email = row.text("email");
  user.password_hash = row.text("password_hash");
  user.role = domain::parseRole(row.text("role")).value_or(domain::Role::kCandidate);
  if (auto college = row.optionalText("college")) user.college = domain::parseCollege(*college);
  user.organisation_id = row.text("organisation_id");
  user.active = row.integer("active") != 0;
  user.created_at = row.text("created_at");
  user.updated_at = row.optionalText("updated_at").value_or(user.created_at);
  return user;
}

constexpr const char* kUserColumns =
    "SELECT id, login, display_name, email, password_hash, role, college, organisation_id, active, "
    "created_at, updated_at FROM users ";

std::optional<UserAccount> firstUser(Query& stmt) {
  std::optional<UserAccount> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readUser(row); });
  return found;
}

}  // namespace

namespace {

std::string lowerAscii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void requireEmailFree(SqlSession& sql, const UserAccount& user) {
  std::string email = lowerAscii(user.email), id = user.id;
  const std::int64_t taken = sql.query("SELECT COUNT(*) AS n FROM users WHERE LOWER(email) = ? AND id <> ?")
                                 .bind(email)
                                 .bind(id)
                                 .integer("n");
  if (taken > 0) throw Error(ErrorCode::kConflict, "another account has the e-mail " + email, "email");
}

}  // namespace

void insertUser(SqlSession& sql, const UserAccount& user, const std::string& now) {
  if (findUserByLogin(sql, user.login)) {
    throw Error(ErrorCode::kConflict, "the login '" + user.login + "' is already taken", "login");
  }
  requireEmailFree(sql, user);
  std::string id = user.id, login = user.login, display_name = user.display_name,
              email = lowerAscii(user.email), password_hash = user.password_hash,
              role(domain::roleName(user.role)), organisation_id = user.organisation_id,
              at = user.created_at.empty() ? now : user.created_at;
  Poco::Nullable<std::string> college;
  if (user.college) college = std::string(domain::collegeName(*user.college));
  Poco::Int64 active = user.active ? 1 : 0;
  auto stmt = sql.query(
      "INSERT INTO users (id, login, display_name, email, password_hash, role, college, organisation_id, "
      "active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(id)
      .bind(login)
      .bind(display_name)
      .bind(email)
      .bind(password_hash)
      .bind(role)
      .bind(college)
      .bind(organisation_id)
      .bind(active)
      .bind(at)
      .bind(at);
  stmt.execute();
}

void updateUser(SqlSession& sql, const UserAccount& user, const std::string& now) {
  requireEmailFree(sql, user);
  std::string id = user.id, display_name = user.display_name, email = lowerAscii(user.email),
              password_hash = user.password_hash, role(domain::roleName(user.role)),
              organisation_id = user.organisation_id, at = user.updated_at.empty() ? now : user.updated_at;
  Poco::Nullable<std::string> college;
  if (user.college) college = std::string(domain::collegeName(*user.college));
  Poco::Int64 active = user.active ? 1 : 0;
  auto stmt = sql.query(
      "UPDATE users SET display_name = ?, email = ?, password_hash = ?, role = ?, college = ?, "
      "organisation_id = ?, active = ?, updated_at = ? WHERE id = ?");
  stmt.bind(display_name)
      .bind(email)
      .bind(password_hash)
      .bind(role)
      .bind(college)
      .bind(organisation_id)
      .bind(active)
      .bind(at)
      .bind(id);
  stmt.execute();
  sql.markChanged(std::string(kAccountsChanged));  // a role or an activity may have changed
}

std::optional<UserAccount> findUser(SqlSession& sql, const std::string& id) {
  std::string key = id;
  auto stmt = sql.query(std::string(kUserColumns) + "WHERE id = ?");
  stmt.bind(key);
  return firstUser(stmt);
}

std::optional<UserAccount> findUserByEmail(SqlSession& sql, const std::string& email) {
  std::string key = lowerAscii(email);
  auto stmt = sql.query(std::string(kUserColumns) + "WHERE LOWER(email) = ?");
  stmt.bind(key);
  return firstUser(stmt);
}

std::int64_t countUsers(SqlSession& sql) { return sql.query("SELECT COUNT(*) AS n FROM users").integer("n"); }

std::vector<UserAccount> listUserPage(SqlSession& sql, const UserFilter& filter,
                                      const std::string& after_login, int limit) {
  std::string where;
  std::vector<std::string> values;
  auto add = [&](const std::string& condition, std::vector<std::string> condition_values) {
    where += (where.empty() ? "WHERE " : " AND ") + condition;
    for (auto& value : condition_values) values.push_back(std::move(value));
  };
  if (filter.organisation_ids) {
    std::string in = "(organisation_id IN (";
    std::vector<std::string> ids;
    for (const auto& id : *filter.organisation_ids) {
      in += ids.empty() ? "?" : ", ?";
      ids.push_back(id);
    }
    if (ids.empty()) {
      in += "NULL";
    }
    in += ")";
    if (filter.with_companies_of) {
      in += " OR organisation_id IN (SELECT company_id FROM company_centres WHERE centre_id = ?)";
      ids.push_back(*filter.with_companies_of);
    }
    add(in + ")", std::move(ids));
  }
  if (filter.organisation_id) add("organisation_id = ?", {*filter.organisation_id});
  if (filter.role) add("role = ?", {std::string(domain::roleName(*filter.role))});
  if (filter.status == "active") add("active = 1 AND password_hash <> ''", {});
  if (filter.status == "invited") add("active = 1 AND password_hash = ''", {});
  if (filter.status == "inactive") add("active = 0", {});
  if (!filter.text.empty()) {
    const std::string pattern = "%" + lowerAscii(filter.text) + "%";
    add("(LOWER(login) LIKE ? OR LOWER(display_name) LIKE ? OR LOWER(email) LIKE ?)",
        {pattern, pattern, pattern});
  }
  if (!after_login.empty()) add("login > ?", {after_login});
  auto stmt = sql.query(std::string(kUserColumns) + where + " ORDER BY login LIMIT " + std::to_string(limit));
  for (auto& value : values) stmt.bind(value);
  std::vector<UserAccount> users;
  forEachRow(stmt, [&](const RowReader& row) { users.push_back(readUser(row)); });
  return users;
}

std::optional<UserAccount> findUserByLogin(SqlSession& sql, const std::string& login) {
  std::string key = login;
  auto stmt = sql.query(std::string(kUserColumns) + "WHERE login = ?");
  stmt.bind(key);
  return firstUser(stmt);
}

std::optional<UserAccount> findUserByEmail(SqlSession& sql, const std::string& email, domain::Role role) {
  std::string key = email, role_name(domain::roleName(role));
  auto stmt = sql.query(std::string(kUserColumns) + "WHERE LOWER(email) = LOWER(?) AND role = ?");
  stmt.bind(key).bind(role_name);
  return firstUser(stmt);
}

std::vector<UserAccount> listUsers(SqlSession& sql, const std::string& organisation_id, domain::Role role) {
  std::string organisation = organisation_id, role_name(domain::roleName(role));
  auto stmt = sql.query(std::string(kUserColumns) +
                        "WHERE organisation_id = ? AND role = ? AND active = 1 ORDER BY display_name, id");
  stmt.bind(organisation).bind(role_name);
  std::vector<UserAccount> users;
  forEachRow(stmt, [&](const RowReader& row) { users.push_back(readUser(row)); });
  return users;
}

void insertSession(SqlSession& sql, const std::string& token_hash, const std::string& user_id,
                   const std::string& created_at, const std::string& expires_at,
                   const std::optional<std::string>& sso_organisation_id) {
  std::string hash = token_hash, user = user_id, created = created_at, expires = expires_at;
  auto stmt = sql.query(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, sso_organisation_id) "
      "VALUES (?, ?, ?, ?, ?)");
  stmt.bind(hash).bind(user).bind(created).bind(expires).bind(sso_organisation_id);
  stmt.execute();
}

namespace {

constexpr const char* kActorColumns =
    "SELECT u.id, u.login, u.display_name, u.email, u.role, u.college, u.organisation_id, o.kind, "
    "o.name AS org_name FROM users u JOIN organisations o ON o.id = u.organisation_id ";

std::optional<domain::Actor> firstActor(Query& stmt) {
  std::optional<domain::Actor> actor;
  forEachRow(stmt, [&](const RowReader& row) {
    domain::Actor found;
    found.user_id = row.text("id");
    found.login = row.text("login");
    found.display_name = row.text("display_name");
    found.email = row.text("email");
    found.role = domain::parseRole(row.text("role")).value_or(domain::Role::kCandidate);
    if (auto college = row.optionalText("college")) found.college = domain::parseCollege(*college);
    found.organisation_id = row.text("organisation_id");
    found.organisation_name = row.text("org_name");
    found.organisation_kind =
        domain::parseOrganisationKind(row.text("kind")).value_or(domain::OrganisationKind::kPlatform);
    actor = std::move(found);
  });
  return actor;
}

}  // namespace

std::optional<domain::Actor> findSessionActor(SqlSession& sql, const std::string& token_hash,
                                              const std::string& now) {
  std::string hash = token_hash, at = now;
  auto stmt =
      sql.query(std::string(kActorColumns) +
                "JOIN sessions s ON s.user_id = u.id "
                "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.active = 1 "
                "AND o.active = 1");
  stmt.bind(hash).bind(at);
  return firstActor(stmt);
}

std::optional<domain::Actor> actorOfUser(SqlSession& sql, const std::string& user_id) {
  std::string id = user_id;
  auto stmt = sql.query(std::string(kActorColumns) + "WHERE u.id = ? AND u.active = 1 AND o.active = 1");
  stmt.bind(id);
  return firstActor(stmt);
}

std::int64_t revokeSessionsOfOrganisation(SqlSession& sql, const std::string& organisation_id,
                                          const std::string& now) {
  std::string organisation = organisation_id, at = now;
  auto stmt = sql.query(
      "UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL AND user_id IN "
      "(SELECT id FROM users WHERE organisation_id = ?)");
  stmt.bind(at).bind(organisation);
  sql.markChanged(std::string(kAccountsChanged));
  return static_cast<std::int64_t>(stmt.execute());
}

std::int64_t revokeSessionsOfUser(SqlSession& sql, const std::string& user_id, const std::string& now,
                                  const std::string& except_token_hash) {
  std::string user = user_id, at = now, kept = except_token_hash;
  auto stmt = sql.query(
      "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?");
  stmt.bind(at).bind(user).bind(kept);
  sql.markChanged(std::string(kAccountsChanged));
  return static_cast<std::int64_t>(stmt.execute());
}

bool revokeSession(SqlSession& sql, const std::string& token_hash, const std::string& now) {
  std::string hash = token_hash, at = now;
  auto stmt = sql.query("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL");
  stmt.bind(at).bind(hash);
  sql.markChanged(std::string(kAccountsChanged));
  return stmt.execute() > 0;
}

std::optional<std::string> ssoOrganisationOfSession(SqlSession& sql, const std::string& token_hash) {
  std::string hash = token_hash;
  auto stmt = sql.query(
      "SELECT sso_organisation_id FROM sessions WHERE token_hash = ? AND revoked_at IS NULL "
      "AND sso_organisation_id IS NOT NULL");
  stmt.bind(hash);
  std::optional<std::string> organisation;
  forEachRow(stmt, [&](const RowReader& row) { organisation = row.text("sso_organisation_id"); });
  return organisation;
}

}  // namespace cqpm::store::account_store
