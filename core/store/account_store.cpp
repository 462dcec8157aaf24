#include "store/account_store.h"

#include "common/clock.h"
#include "store/row_reader.h"

namespace cqpm::store::account_store {

using domain::Organisation;
using domain::UserAccount;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::use;

namespace {

Organisation readOrganisation(const RowReader& row) {
  Organisation organisation;
  organisation.id = row.text("id");
  organisation.kind =
      domain::parseOrganisationKind(row.text("kind")).value_or(domain::OrganisationKind::kCompany);
  organisation.name = row.text("name");
  return organisation;
}

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
  return user;
}

constexpr const char* kUserColumns =
    "SELECT id, login, display_name, email, password_hash, role, college, organisation_id, active FROM "
    "users ";

std::optional<UserAccount> firstUser(Poco::Data::Statement& stmt) {
  std::optional<UserAccount> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readUser(row); });
  return found;
}

}  // namespace

void insertOrganisation(SqlSession& sql, const Organisation& organisation) {
  std::string id = organisation.id;
  std::string kind(domain::organisationKindName(organisation.kind));
  std::string name = organisation.name;
  std::string at = nowIso8601();
  auto stmt = sql.statement("INSERT INTO organisations (id, kind, name, created_at) VALUES (?, ?, ?, ?)");
  stmt, use(id), use(kind), use(name), use(at);
  stmt.execute();
}

std::optional<Organisation> findOrganisation(SqlSession& sql, const std::string& id) {
  std::string key = id;
  auto stmt = sql.statement("SELECT id, kind, name FROM organisations WHERE id = ?");
  stmt, use(key);
  std::optional<Organisation> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readOrganisation(row); });
  return found;
}

std::vector<Organisation> listOrganisations(SqlSession& sql, std::optional<domain::OrganisationKind> kind) {
  std::vector<Organisation> result;
  std::string kind_name(kind ? domain::organisationKindName(*kind) : "");
  auto stmt = kind
                  ? sql.statement("SELECT id, kind, name FROM organisations WHERE kind = ? ORDER BY name, id")
                  : sql.statement("SELECT id, kind, name FROM organisations ORDER BY name, id");
  if (kind) stmt, use(kind_name);
  forEachRow(stmt, [&](const RowReader& row) { result.push_back(readOrganisation(row)); });
  return result;
}

std::int64_t countOrganisations(SqlSession& sql) {
  Poco::Int64 count = 0;
  auto stmt = sql.statement("SELECT COUNT(*) FROM organisations");
  stmt, into(count);
  stmt.execute();
  return count;
}

void insertUser(SqlSession& sql, const UserAccount& user) {
  if (findUserByLogin(sql, user.login)) {
    throw Error(ErrorCode::kConflict, "the login '" + user.login + "' is already taken", "login");
  }
  std::string id = user.id, login = user.login, display_name = user.display_name, email = user.email,
              password_hash = user.password_hash, role(domain::roleName(user.role)),
              organisation_id = user.organisation_id, at = nowIso8601();
  Poco::Nullable<std::string> college;
  if (user.college) college = std::string(domain::collegeName(*user.college));
  Poco::Int64 active = user.active ? 1 : 0;
  auto stmt = sql.statement(
      "INSERT INTO users (id, login, display_name, email, password_hash, role, college, organisation_id, "
      "active, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt, use(id), use(login), use(display_name), use(email), use(password_hash), use(role), use(college),
      use(organisation_id), use(active), use(at);
  stmt.execute();
}

std::optional<UserAccount> findUserByLogin(SqlSession& sql, const std::string& login) {
  std::string key = login;
  auto stmt = sql.statement(std::string(kUserColumns) + "WHERE login = ?");
  stmt, use(key);
  return firstUser(stmt);
}

std::optional<UserAccount> findUserByEmail(SqlSession& sql, const std::string& email, domain::Role role) {
  std::string key = email, role_name(domain::roleName(role));
  auto stmt = sql.statement(std::string(kUserColumns) + "WHERE LOWER(email) = LOWER(?) AND role = ?");
  stmt, use(key), use(role_name);
  return firstUser(stmt);
}

std::vector<UserAccount> listUsers(SqlSession& sql, const std::string& organisation_id, domain::Role role) {
  std::string organisation = organisation_id, role_name(domain::roleName(role));
  auto stmt =
      sql.statement(std::string(kUserColumns) +
                    "WHERE organisation_id = ? AND role = ? AND active = 1 ORDER BY display_name, id");
  stmt, use(organisation), use(role_name);
  std::vector<UserAccount> users;
  forEachRow(stmt, [&](const RowReader& row) { users.push_back(readUser(row)); });
  return users;
}

void insertSession(SqlSession& sql, const std::string& token_hash, const std::string& user_id,
                   const std::string& created_at, const std::string& expires_at) {
  std::string hash = token_hash, user = user_id, created = created_at, expires = expires_at;
  auto stmt =
      sql.statement("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
  stmt, use(hash), use(user), use(created), use(expires);
  stmt.execute();
}

namespace {

constexpr const char* kActorColumns =
    "SELECT u.id, u.login, u.display_name, u.email, u.role, u.college, u.organisation_id, o.kind, "
    "o.name AS org_name FROM users u JOIN organisations o ON o.id = u.organisation_id ";

std::optional<domain::Actor> firstActor(Poco::Data::Statement& stmt) {
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
      sql.statement(std::string(kActorColumns) +
                    "JOIN sessions s ON s.user_id = u.id "
                    "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.active = 1");
  stmt, use(hash), use(at);
  return firstActor(stmt);
}

std::optional<domain::Actor> actorOfUser(SqlSession& sql, const std::string& user_id) {
  std::string id = user_id;
  auto stmt = sql.statement(std::string(kActorColumns) + "WHERE u.id = ? AND u.active = 1");
  stmt, use(id);
  return firstActor(stmt);
}

bool revokeSession(SqlSession& sql, const std::string& token_hash, const std::string& now) {
  std::string hash = token_hash, at = now;
  auto stmt = sql.statement("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL");
  stmt, use(at), use(hash);
  return stmt.execute() > 0;
}

}  // namespace cqpm::store::account_store
