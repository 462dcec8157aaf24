#include "admin/account_service.h"

#include <Poco/RegularExpression.h>
#include <Poco/UUIDGenerator.h>

#include "access/policy.h"
#include "admin/admin_log.h"
#include "common/clock.h"
#include "common/page_cursor.h"
#include "common/text_fields.h"
#include "store/account_token_store.h"
#include "store/organisation_store.h"

namespace cqpm::admin {

using domain::Organisation;
using domain::UserAccount;

namespace {

constexpr std::size_t kMaxDisplayName = 200;

void requireLogin(const std::string& login) {
  static const Poco::RegularExpression kLogin(R"(^[a-z0-9][a-z0-9._-]{2,63}$)");
  if (!kLogin.match(login)) {
    throw Error(
        ErrorCode::kInvalidField,
        "login must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a "
        "letter or a digit",
        "login");
  }
}

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::optional<std::string> centreOf(const Organisation& organisation) {
  if (organisation.kind == domain::OrganisationKind::kCentre) return organisation.id;
  return std::nullopt;
}

// The centre an act concerns: the account's centre, or the acting coordinator's.
std::optional<std::string> centreOfAct(const domain::Actor& actor, const Organisation& organisation) {
  if (auto centre = centreOf(organisation)) return centre;
  if (actor.organisation_kind == domain::OrganisationKind::kCentre) return actor.organisation_id;
  return std::nullopt;
}

Poco::JSON::Object::Ptr describe(const UserAccount& user, const Organisation& organisation) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("login", user.login);
  details->set("display_name", user.display_name);
  details->set("email", user.email);
  details->set("role", std::string(domain::roleName(user.role)));
  if (user.college) details->set("college", std::string(domain::collegeName(*user.college)));
  details->set("organisation_id", organisation.id);
  details->set("organisation", organisation.name);
  details->set("active", user.active);
  return details;
}

bool maySee(const domain::Actor& actor, const UserAccount& user, const Organisation& organisation) {
  if (!access::allows(actor.role, access::Permission::kAdministerAccounts)) return false;
  return access::mayAdministerAccount(actor, user.role, organisation) ||
         user.organisation_id == actor.organisation_id;
}

AccountView findVisibleAccount(store::SqlSession& sql, const domain::Actor& actor, const std::string& id) {
  auto user = store::account_store::findUser(sql, id);
  std::optional<Organisation> organisation;
  if (user) organisation = store::organisation_store::find(sql, user->organisation_id);
  if (!user || !organisation || !maySee(actor, *user, *organisation)) {
    throw Error(ErrorCode::kNotFound, "no account " + id);
  }
  return {std::move(*user), std::move(*organisation)};
}

AccountView findAdministered(store::SqlSession& sql, const domain::Actor& actor, const std::string& id) {
  AccountView view = findVisibleAccount(sql, actor, id);
  if (!access::mayAdministerAccount(actor, view.user.role, view.organisation)) {
    throw Error(ErrorCode::kForbidden, "you may read this account but not change it");
  }
  return view;
}

// The organisation an account is placed in, as the actor may see it.
Organisation targetOrganisation(store::SqlSession& sql, const domain::Actor& actor, const std::string& id) {
  auto organisation = store::organisation_store::find(sql, id);
  if (!organisation || !access::maySeeOrganisation(actor, *organisation)) {
    throw Error(ErrorCode::kNotFound, "no organisation " + id, "organisation_id");
  }
  if (!organisation->active) {
    throw Error(ErrorCode::kInvalidField, "the organisation " + organisation->name + " is deactivated",
                "organisation_id");
  }
  return std::move(*organisation);
}

void requirePlacement(const domain::Actor& actor, const UserAccount& user, const Organisation& organisation) {
  if (organisation.kind != access::organisationKindFor(user.role)) {
    throw Error(ErrorCode::kInvalidField,
                "a " + std::string(domain::roleName(user.role)) + " belongs to a " +
                    std::string(domain::organisationKindName(access::organisationKindFor(user.role))),
                "organisation_id");
  }
  if (domain::roleHasCollege(user.role) && !user.college) {
    throw Error(ErrorCode::kInvalidField,
                "a " + std::string(domain::roleName(user.role)) + " sits in a college", "college");
  }
  if (!domain::roleHasCollege(user.role) && user.college) {
    throw Error(ErrorCode::kInvalidField, "only jury members and GTP auditors have a college", "college");
  }
  if (!access::mayAdministerAccount(actor, user.role, organisation)) {
    throw Error(ErrorCode::kForbidden,
                "a " + std::string(domain::roleName(actor.role)) + " may not give the role " +
                    std::string(domain::roleName(user.role)) + " in " + organisation.name,
                "role");
  }
}

void applyFields(const AccountFields& fields, UserAccount& user) {
  if (fields.display_name) {
    requireText(*fields.display_name, "display_name", kMaxDisplayName);
    user.display_name = *fields.display_name;
  }
  if (fields.email) {
    requireEmail(*fields.email, "email");
    user.email = lowered(*fields.email);
  }
  if (fields.role) user.role = *fields.role;
  if (fields.college) user.college = *fields.college;
  if (fields.organisation_id) user.organisation_id = *fields.organisation_id;
}

}  // namespace

CreatedAccount AccountService::create(const domain::Actor& actor, const AccountFields& fields) {
  access::require(actor, access::Permission::kAdministerAccounts, "create accounts");
  for (const auto& [present, field] :
       {std::pair{fields.login.has_value(), "login"},
        std::pair{fields.display_name.has_value(), "display_name"},
        std::pair{fields.email.has_value(), "email"}, std::pair{fields.role.has_value(), "role"},
        std::pair{fields.organisation_id.has_value(), "organisation_id"}}) {
    if (!present) throw Error(ErrorCode::kInvalidField, std::string(field) + " is required", field);
  }
  requireLogin(*fields.login);
  CreatedAccount created;
  db_.write([&](store::SqlSession& sql) {
    const std::string now = nowIso8601(clock_);
    UserAccount user;
    user.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    user.login = *fields.login;
    applyFields(fields, user);
    const Organisation organisation = targetOrganisation(sql, actor, user.organisation_id);
    requirePlacement(actor, user, organisation);
    user.created_at = user.updated_at = now;
    store::account_store::insertUser(sql, user, now);
    created.invitation = links_.issue(sql, user, LinkPurpose::kInvitation, LinkChannel::kConfigured, now);
    recordAdminAct(sql, adminActorOf(actor),
                   {"user_created", "user", user.id, user.login, centreOfAct(actor, organisation),
                    describe(user, organisation)},
                   now);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("delivery", created.invitation.delivery);
    details->set("expires_at", created.invitation.expires_at);
    recordAdminAct(
        sql, adminActorOf(actor),
        {"invitation_sent", "user", user.id, user.login, centreOfAct(actor, organisation), details}, now);
    created.account = {user, organisation};
  });
  links_.announce(created.invitation, created.account.user.login);
  return created;
}

AccountView AccountService::update(const domain::Actor& actor, const std::string& id,
                                   const AccountFields& fields) {
  if (fields.login) throw Error(ErrorCode::kInvalidField, "a login does not change", "login");
  return db_.write([&](store::SqlSession& sql) {
    const AccountView before = findAdministered(sql, actor, id);
    UserAccount user = before.user;
    applyFields(fields, user);
    const bool role_changed = user.role != before.user.role || user.college != before.user.college;
    const bool moved = user.organisation_id != before.user.organisation_id;
    if ((role_changed || moved) && user.id == actor.user_id) {
      throw Error(ErrorCode::kForbidden, "you cannot change your own role or organisation",
                  role_changed ? "role" : "organisation_id");
    }
    const Organisation organisation =
        moved ? targetOrganisation(sql, actor, user.organisation_id) : before.organisation;
    requirePlacement(actor, user, organisation);
    const std::string now = nowIso8601(clock_);
    user.updated_at = now;
    store::account_store::updateUser(sql, user, now);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("before", describe(before.user, before.organisation));
    details->set("after", describe(user, organisation));
    const std::string action = moved          ? "organisation_changed"
                               : role_changed ? "role_changed"
                                              : "user_updated";
    recordAdminAct(sql, adminActorOf(actor),
                   {action, "user", user.id, user.login, centreOfAct(actor, organisation), details}, now);
    if (moved && centreOf(before.organisation) && centreOf(before.organisation) != centreOf(organisation)) {
      // The centre the account left reads the move too.
      recordAdminAct(sql, adminActorOf(actor),
                     {action, "user", user.id, user.login, centreOf(before.organisation), details}, now);
    }
    return AccountView{user, organisation};
  });
}

AccountView AccountService::get(const domain::Actor& actor, const std::string& id) {
  return db_.read([&](store::SqlSession& sql) { return findVisibleAccount(sql, actor, id); });
}

AccountPage AccountService::list(const domain::Actor& actor, store::UserFilter filter,
                                 const std::string& cursor, int limit) {
  access::require(actor, access::Permission::kAdministerAccounts, "list accounts");
  if (actor.role != domain::Role::kAdmin) {
    filter.organisation_ids = std::vector<std::string>{actor.organisation_id};
    if (actor.organisation_kind == domain::OrganisationKind::kCentre)
      filter.with_companies_of = actor.organisation_id;
  }
  const std::string after = cursor.empty() ? "" : decodeCursor(cursor, 1).front();
  AccountPage page;
  db_.read([&](store::SqlSession& sql) {
    const auto users = store::account_store::listUserPage(sql, filter, after, limit + 1);
    for (const auto& user : users) {
      if (page.items.size() == static_cast<std::size_t>(limit)) {
        page.next_cursor = encodeCursor({page.items.back().user.login});
        break;
      }
      auto organisation = store::organisation_store::find(sql, user.organisation_id);
      if (organisation) page.items.push_back({user, std::move(*organisation)});
    }
  });
  return page;
}

IssuedLink AccountService::invite(const domain::Actor& actor, const std::string& id) {
  IssuedLink link;
  std::string login;
  db_.write([&](store::SqlSession& sql) {
    const AccountView view = findAdministered(sql, actor, id);
    if (!view.user.active)
      throw Error(ErrorCode::kInvalidState, "the account is deactivated: reactivate it first");
    if (view.user.passwordSet()) {
      throw Error(ErrorCode::kInvalidState,
                  "the account already has a password: its holder resets it with « Mot de passe oublié »");
    }
    const std::string now = nowIso8601(clock_);
    link = links_.issue(sql, view.user, LinkPurpose::kInvitation, LinkChannel::kConfigured, now);
    login = view.user.login;
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("delivery", link.delivery);
    details->set("expires_at", link.expires_at);
    recordAdminAct(sql, adminActorOf(actor),
                   {"invitation_sent", "user", view.user.id, view.user.login,
                    centreOfAct(actor, view.organisation), details},
                   now);
  });
  links_.announce(link, login);
  return link;
}

AccountView AccountService::deactivate(const domain::Actor& actor, const std::string& id,
                                       const std::string& reason) {
  return setActive(actor, id, false, reason);
}

AccountView AccountService::reactivate(const domain::Actor& actor, const std::string& id) {
  return setActive(actor, id, true, "");
}

AccountView AccountService::setActive(const domain::Actor& actor, const std::string& id, bool active,
                                      const std::string& reason) {
  if (!reason.empty()) requireText(reason, "reason", 1000, true);
  auto view = db_.write([&](store::SqlSession& sql) {
    AccountView current = findAdministered(sql, actor, id);
    if (current.user.id == actor.user_id) {
      throw Error(ErrorCode::kForbidden, "you cannot deactivate or reactivate your own account");
    }
    if (current.user.active == active) return current;  // already so: nothing to record
    const std::string now = nowIso8601(clock_);
    current.user.active = active;
    current.user.updated_at = now;
    store::account_store::updateUser(sql, current.user, now);
    if (!active) {
      store::account_store::revokeSessionsOfUser(sql, current.user.id, now);
      store::account_token_store::revokeAllOfUser(sql, current.user.id, now);
    }
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    if (!reason.empty()) details->set("reason", reason);
    recordAdminAct(sql, adminActorOf(actor),
                   {active ? "user_reactivated" : "user_deactivated", "user", current.user.id,
                    current.user.login, centreOfAct(actor, current.organisation), details},
                   now);
    return current;
  });
  if (!active && on_deactivated_) on_deactivated_(view.user.id);
  return view;
}

}  // namespace cqpm::admin
