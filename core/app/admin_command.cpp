#include "app/admin_command.h"

#include <Poco/UUIDGenerator.h>

#include <iomanip>
#include <iostream>

#include "admin/account_links.h"
#include "admin/admin_log.h"
#include "admin/password_policy.h"
#include "app/data_folder.h"
#include "common/clock.h"
#include "common/text_fields.h"
#include "store/account_store.h"
#include "store/account_token_store.h"
#include "store/migrations.h"
#include "store/organisation_store.h"

namespace cqpm::app {

namespace {

const char* const kUsage =
    "usage: cqpm admin create-admin --login L --email E [--name N] [--invite]\n"
    "       cqpm admin list-users\n"
    "       cqpm admin disable-user LOGIN\n"
    "       cqpm admin reset-password LOGIN\n"
    "       (with --data DIR, --database URL or --config FILE as for serve)\n";

std::string newId() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

// The platform's own organisation, created with the first administrator.
domain::Organisation platformOrganisation(store::SqlSession& sql, const std::string& now) {
  const auto found = store::organisation_store::list(
      sql, {domain::OrganisationKind::kPlatform, std::nullopt, "", std::nullopt}, std::nullopt, 1);
  if (!found.empty()) return found.front();
  domain::Organisation platform;
  platform.id = newId();
  platform.kind = domain::OrganisationKind::kPlatform;
  platform.name = "CQPM Hub (exploitation)";
  store::organisation_store::insert(sql, platform, now);
  admin::recordAdminAct(
      sql, admin::commandLineActor(),
      {"organisation_created", "organisation", platform.id, platform.name, std::nullopt, nullptr}, now);
  return platform;
}

// What every sub-command works with; built in place (links borrow the hasher).
struct AdminContext {
  explicit AdminContext(const AdminCommandOptions& options);

  /// The command line is its own composition root: the system clock.
  Clock clock = systemClock();
  std::unique_ptr<store::Database> db;
  auth::PasswordHasher hasher;
  std::unique_ptr<admin::AccountLinks> links;
};

AdminContext::AdminContext(const AdminCommandOptions& options) : hasher(options.password_cost) {
  prepareDataFolder(options.data_dir);
  db = store::Database::open(store::DatabaseUrl::parse(options.database_url, options.data_dir));
  store::applyMigrations(*db, store::embeddedMigrations(), clock);
  admin::AccountLinkSettings settings;
  settings.public_base_url = options.public_base_url;
  links = std::make_unique<admin::AccountLinks>(*db, hasher, clock, settings);
}

int createAdmin(AdminContext& context, const AdminCommandOptions& options,
                const std::function<std::string()>& read_password, std::ostream& out, std::ostream& err) {
  if (options.login.empty() || options.email.empty()) {
    err << "cqpm admin create-admin: --login and --email are required\n" << kUsage;
    return kAdminUsage;
  }
  const std::string name = options.display_name.empty() ? "Administrateur" : options.display_name;
  try {
    requireEmail(options.email, "email");
    requireText(name, "name", 200);
  } catch (const Error& e) {
    err << "cqpm admin create-admin: " << e.what() << "\n";
    return kAdminUsage;
  }
  const bool taken = context.db->read([&](store::SqlSession& sql) {
    return store::account_store::findUserByLogin(sql, options.login).has_value();
  });
  if (taken) {
    err << "cqpm admin create-admin: the login '" << options.login
        << "' already exists; nothing was changed (use reset-password to regain access)\n";
    return kAdminRefused;
  }
  std::string password_hash;
  if (!options.invite) {
    const std::string password = read_password();
    admin::checkPasswordPolicy(password, options.login, "password");
    password_hash = context.hasher.hash(password);
  }
  admin::IssuedLink link;
  context.db->write([&](store::SqlSession& sql) {
    const std::string now = nowIso8601(context.clock);
    const domain::Organisation platform = platformOrganisation(sql, now);
    domain::UserAccount user;
    user.id = newId();
    user.login = options.login;
    user.display_name = name;
    user.email = options.email;
    user.password_hash = password_hash;
    user.role = domain::Role::kAdmin;
    user.organisation_id = platform.id;
    store::account_store::insertUser(sql, user, now);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("role", "admin");
    details->set("email", options.email);
    admin::recordAdminAct(sql, admin::commandLineActor(),
                          {"user_created", "user", user.id, user.login, std::nullopt, details}, now);
    if (options.invite) {
      link =
          context.links->issue(sql, user, admin::LinkPurpose::kInvitation, admin::LinkChannel::kCaller, now);
      admin::recordAdminAct(sql, admin::commandLineActor(),
                            {"invitation_sent", "user", user.id, user.login, std::nullopt, nullptr}, now);
    }
  });
  out << "Administrator '" << options.login << "' created.\n";
  if (options.invite) {
    out << "One-time link to choose the password (valid until " << link.expires_at << "):\n"
        << link.url << "\n";
  }
  return kAdminDone;
}

int listUsers(AdminContext& context, std::ostream& out) {
  const auto users = context.db->read([](store::SqlSession& sql) {
    std::vector<std::pair<domain::UserAccount, std::string>> rows;
    for (const auto& user : store::account_store::listUserPage(sql, {}, "", 100000)) {
      const auto organisation = store::organisation_store::find(sql, user.organisation_id);
      rows.emplace_back(user, organisation ? organisation->name : "?");
    }
    return rows;
  });
  out << std::left << std::setw(24) << "LOGIN" << std::setw(20) << "ROLE" << std::setw(10) << "STATUS"
      << std::setw(36) << "EMAIL"
      << "ORGANISATION\n";
  for (const auto& [user, organisation] : users) {
    const char* status = !user.active ? "inactive" : user.passwordSet() ? "active" : "invited";
    out << std::left << std::setw(24) << user.login << std::setw(20) << domain::roleName(user.role)
        << std::setw(10) << status << std::setw(36) << user.email << organisation << "\n";
  }
  out << users.size() << " account(s)\n";
  return kAdminDone;
}

std::optional<domain::UserAccount> findByLogin(AdminContext& context, const std::string& login) {
  return context.db->read(
      [&](store::SqlSession& sql) { return store::account_store::findUserByLogin(sql, login); });
}

int disableUser(AdminContext& context, const std::string& login, std::ostream& out, std::ostream& err) {
  auto user = findByLogin(context, login);
  if (!user) {
    err << "cqpm admin disable-user: no account '" << login << "'\n";
    return kAdminRefused;
  }
  if (!user->active) {
    out << "Account '" << login << "' was already disabled.\n";
    return kAdminDone;
  }
  context.db->write([&](store::SqlSession& sql) {
    const std::string now = nowIso8601(context.clock);
    user->active = false;
    user->updated_at = now;
    store::account_store::updateUser(sql, *user, now);
    const auto sessions = store::account_store::revokeSessionsOfUser(sql, user->id, now);
    store::account_token_store::revokeAllOfUser(sql, user->id, now);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("sessions_closed", sessions);
    admin::recordAdminAct(sql, admin::commandLineActor(),
                          {"user_deactivated", "user", user->id, user->login, std::nullopt, details}, now);
  });
  out << "Account '" << login << "' disabled; its sessions and links are revoked.\n";
  return kAdminDone;
}

int resetPassword(AdminContext& context, const std::string& login, std::ostream& out, std::ostream& err) {
  const auto user = findByLogin(context, login);
  if (!user || !user->active) {
    err << "cqpm admin reset-password: no active account '" << login << "'\n";
    return kAdminRefused;
  }
  admin::IssuedLink link;
  context.db->write([&](store::SqlSession& sql) {
    const std::string now = nowIso8601(context.clock);
    link = context.links->issue(sql, *user, admin::LinkPurpose::kPasswordReset, admin::LinkChannel::kCaller,
                                now);
    admin::recordAdminAct(sql, admin::commandLineActor(),
                          {"password_reset_requested", "user", user->id, user->login, std::nullopt, nullptr},
                          now);
  });
  out << "One-time link for '" << login << "' to choose a new password (valid until " << link.expires_at
      << "):\n"
      << link.url << "\n";
  return kAdminDone;
}

}  // namespace

int runAdminCommand(const std::vector<std::string>& args, const AdminCommandOptions& options,
                    const std::function<std::string()>& read_password, std::ostream& out, std::ostream& err) {
  const std::string command = args.size() >= 2 ? args[1] : "";
  const bool needs_login = command == "disable-user" || command == "reset-password";
  const bool known = command == "create-admin" || command == "list-users" || needs_login;
  if (!known || (needs_login && args.size() != 3) || (!needs_login && args.size() != 2)) {
    err << (known || command.empty() ? "" : "cqpm admin: unknown command '" + command + "'\n") << kUsage;
    return kAdminUsage;
  }
  std::unique_ptr<AdminContext> opened;
  try {
    opened = std::make_unique<AdminContext>(options);
  } catch (const std::exception& e) {
    err << "cqpm admin: cannot open the data: " << e.what() << "\n";
    return kAdminUsage;
  }
  AdminContext& context = *opened;
  try {
    if (command == "create-admin") return createAdmin(context, options, read_password, out, err);
    if (command == "list-users") return listUsers(context, out);
    if (command == "disable-user") return disableUser(context, args[2], out, err);
    return resetPassword(context, args[2], out, err);
  } catch (const Error& e) {
    err << "cqpm admin " << command << ": " << e.what() << (e.field().empty() ? "" : " (" + e.field() + ")")
        << "\n";
    return e.code() == ErrorCode::kStorage ? kAdminUsage : kAdminRefused;
  }
}

}  // namespace cqpm::app
