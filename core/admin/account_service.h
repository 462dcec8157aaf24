#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "admin/account_links.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "domain/organisation.h"
#include "domain/user_account.h"
#include "store/account_store.h"
#include "store/database.h"

namespace cqpm::admin {

/// The fields of an account a request sets. On creation every field but
/// `college` is required (college: required for jury members and GTP
/// auditors, refused for other roles); on a change only those present are
/// touched. `college` holds nullopt when absent, and a null inner value to clear it.
struct AccountFields {
  std::optional<std::string> login;  ///< creation only
  std::optional<std::string> display_name;
  std::optional<std::string> email;
  std::optional<domain::Role> role;
  std::optional<std::optional<domain::College>> college;
  std::optional<std::string> organisation_id;
};

/// An account with its organisation, as the administration reads it.
struct AccountView {
  domain::UserAccount user;
  domain::Organisation organisation;
};

/// A new account and how its invitation left.
struct CreatedAccount {
  AccountView account;
  IssuedLink invitation;
};

/// A page of accounts.
struct AccountPage {
  std::vector<AccountView> items;
  std::optional<std::string> next_cursor;
};

/// Creating, changing, inviting and deactivating accounts, within what
/// access/policy lets the actor administer: an account out of reach is "not
/// found" (404), a role or organisation the actor may not give is
/// Error{kForbidden}. Nobody deactivates, re-roles or moves their own account.
/// Every change is an act of the administration log; a change of role or
/// organisation is its own act ("role_changed", "organisation_changed").
/// Thread-safe.
class AccountService {
 public:
  /// `on_deactivated(user_id)` runs after a deactivation is committed (the
  /// server closes the user's live streams at once).
  AccountService(store::Database& db, Clock clock, AccountLinks& links,
                 std::function<void(const std::string&)> on_deactivated = {})
      : db_(db), clock_(std::move(clock)), links_(links), on_deactivated_(std::move(on_deactivated)) {}

  /// Creates the account without a password and invites it (e-mail, or the
  /// server log without SMTP). Errors: kInvalidField naming the field,
  /// kConflict on "login" or "email", kForbidden, kNotFound ("organisation_id"
  /// out of the actor's sight).
  CreatedAccount create(const domain::Actor& actor, const AccountFields& fields);
  AccountView update(const domain::Actor& actor, const std::string& id, const AccountFields& fields);
  AccountView get(const domain::Actor& actor, const std::string& id);
  /// `limit` 1..100; Error{kInvalidField, "cursor"} for a cursor not issued here.
  AccountPage list(const domain::Actor& actor, store::UserFilter filter, const std::string& cursor,
                   int limit);
  /// A new invitation (the older link stops working). Error{kInvalidState}
  /// when the account already has a password, or is deactivated.
  IssuedLink invite(const domain::Actor& actor, const std::string& id);
  /// Deactivation closes every session and one-time link of the account at once.
  AccountView deactivate(const domain::Actor& actor, const std::string& id, const std::string& reason);
  AccountView reactivate(const domain::Actor& actor, const std::string& id);

 private:
  AccountView setActive(const domain::Actor& actor, const std::string& id, bool active,
                        const std::string& reason);

  store::Database& db_;
  Clock clock_;
  AccountLinks& links_;
  std::function<void(const std::string&)> on_deactivated_;
};

}  // namespace cqpm::admin
