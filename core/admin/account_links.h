#pragma once

#include <Poco/Logger.h>

#include <functional>
#include <string>

#include "auth/password_hasher.h"
#include "auth/throttle.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "domain/user_account.h"
#include "store/database.h"

namespace cqpm::admin {

/// What a one-time link lets its holder do.
enum class LinkPurpose {
  kInvitation,     ///< choose the password of a new account
  kPasswordReset,  ///< choose a new password
  kFileLink,       ///< attach a file another centre opened to one's candidate account (signed in)
};

/// How a link reaches its person.
enum class LinkChannel {
  kConfigured,  ///< by e-mail when the server has SMTP, else printed to the server's log (flagged)
  kCaller,      ///< handed back to the caller (the command line prints it); no e-mail
};

/// A link just issued.
struct IssuedLink {
  std::string delivery;  ///< "email", "log" or "caller"
  std::string expires_at;
  std::string url;  ///< the link itself: never shown to the person who asked for it over HTTP
};

/// What the page of a link shows before the password is chosen.
struct LinkHolder {
  std::string login;
  std::string display_name;
  std::string expires_at;
};

/// Settings of one-time links.
struct AccountLinkSettings {
  std::string public_base_url =
      "http://localhost:8080";  ///< links are {url}/invitation/{token}, {url}/mot-de-passe/{token}
  bool email_enabled = false;   ///< SMTP configured: links go out by e-mail
  std::chrono::hours lifetime{72};
};

/// Invitations and password resets by one-time link, and password changes.
/// A token is 32 random bytes; only its SHA-256 is stored; it expires after
/// `lifetime`, works once, and a newer one of the same purpose revokes it.
/// The e-mail is a notification of kind "account_link" that the e-mail
/// dispatcher sends (and retries) once; its link is erased once sent.
/// Argon2 runs outside the writer lock. Thread-safe.
class AccountLinks {
 public:
  AccountLinks(store::Database& db, const auth::PasswordHasher& hasher, Clock clock,
               AccountLinkSettings settings);

  /// Issues a link for `user` inside the caller's write transaction.
  IssuedLink issue(store::SqlSession& sql, const domain::UserAccount& user, LinkPurpose purpose,
                   LinkChannel channel, const std::string& now);
  /// Asks the candidate `user` (known to other centres) whether the file
  /// `file_id` that `centre_name` opened for `cqpm_title` is theirs: a link
  /// they follow signed in (acceptFileLink). Inside the caller's transaction;
  /// a "log" link is announced at once.
  IssuedLink issueFileLink(store::SqlSession& sql, const domain::UserAccount& user,
                           const std::string& file_id, const std::string& centre_name,
                           const std::string& cqpm_title, const std::string& now);
  /// Attaches the link's file to the signed-in candidate's account; returns
  /// the file's id. A link of another account is not found (404); dead links
  /// are Error{kGone} as for inspect().
  std::string acceptFileLink(const domain::Actor& actor, const std::string& token);

  /// After the transaction that issued it committed: prints a "log" link to
  /// the server's log, flagged as not e-mailed.
  void announce(const IssuedLink& link, const std::string& login) const;

  /// Who a link is for. Error{kNotFound} for an unknown token, Error{kGone}
  /// (details.reason expired | used | revoked) for a dead one.
  LinkHolder inspect(LinkPurpose purpose, const std::string& token);
  /// Sets the password of the link's account (checked by the password
  /// policy, field "password"); the link is spent, other sessions of the
  /// account are closed. Returns the login. Same errors as inspect().
  std::string redeem(LinkPurpose purpose, const std::string& token, const std::string& password);

  /// Sends a reset link to the active account whose login or e-mail is
  /// `login_or_email`, if any, at most 3 an hour per account; says nothing
  /// either way. Error{kRateLimited} after 10 requests in 15 min from one address.
  void requestReset(const std::string& login_or_email, const std::string& client_address);

  /// Changes the actor's own password. Error{kUnprocessable, "current_password"}
  /// when the current one is wrong; policy errors name "new_password". Closes
  /// the actor's other sessions (keeps `session_token`'s).
  void changePassword(const domain::Actor& actor, const std::string& current_password,
                      const std::string& new_password, const std::string& session_token);

 private:
  std::string linkUrl(LinkPurpose purpose, const std::string& token) const;
  /// Stores a new token of `purpose` for `user` (revoking the older one) and returns its link, not delivered
  /// yet.
  IssuedLink newLink(store::SqlSession& sql, const domain::UserAccount& user, LinkPurpose purpose,
                     const std::optional<std::string>& subject_id, std::string& token);
  /// E-mails `mail` (a notification of kind "account_link"), or marks the link "log" without SMTP.
  void deliver(store::SqlSession& sql, const domain::UserAccount& user, const std::string& token,
               const std::string& title, const std::string& body, const std::string& now, IssuedLink& link);

  store::Database& db_;
  const auth::PasswordHasher& hasher_;
  Clock clock_;
  AccountLinkSettings settings_;
  auth::Throttle reset_requests_;
};

}  // namespace cqpm::admin
