#include "admin/account_links.h"

#include <Poco/Timespan.h>
#include <Poco/UUIDGenerator.h>

#include "admin/account_mail.h"
#include "admin/admin_log.h"
#include "admin/password_policy.h"
#include "common/clock.h"
#include "common/random_bytes.h"
#include "common/sha256.h"
#include "store/account_store.h"
#include "store/account_token_store.h"
#include "store/candidate_file_store.h"
#include "store/notification_store.h"
#include "store/organisation_store.h"

namespace cqpm::admin {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr int kResetsPerHour = 3;

std::string purposeName(LinkPurpose purpose) {
  switch (purpose) {
    case LinkPurpose::kInvitation:
      return "invitation";
    case LinkPurpose::kPasswordReset:
      return "password_reset";
    case LinkPurpose::kFileLink:
      return "file_link";
  }
  return "invitation";
}

[[noreturn]] void gone(const std::string& reason, const std::string& message) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("reason", reason);
  throw Error(ErrorCode::kGone, message, "token", details);
}

// The live token of `purpose`, or the error that says why it is not.
store::AccountToken liveToken(store::SqlSession& sql, LinkPurpose purpose, const std::string& token,
                              const std::string& now) {
  const auto found = token.empty() || token.size() > 256
                         ? std::nullopt
                         : store::account_token_store::find(sql, sha256Hex(token));
  if (!found || found->purpose != purposeName(purpose)) {
    throw Error(ErrorCode::kNotFound, "this link is not valid", "token");
  }
  if (found->used_at) gone("used", "this link was already used");
  if (found->revoked_at) gone("revoked", "a newer link replaced this one, or the account was deactivated");
  if (found->expires_at <= now) gone("expired", "this link expired");
  return *found;
}

domain::UserAccount activeUserOf(store::SqlSession& sql, const store::AccountToken& token) {
  const auto user = store::account_store::findUser(sql, token.user_id);
  if (!user || !user->active) gone("revoked", "the account of this link is deactivated");
  return *user;
}

// Every reset request counts (it may send an e-mail, and says nothing about
// the account): 10 in 15 minutes from one address is more than a person
// needs; then that address waits for the end of the 15 minutes. Each account
// also gets at most kResetsPerHour links, whatever the addresses.
auth::ThrottlePolicy resetRequestsPolicy() {
  return {.scope = "reset.address", .free_failures = 10, .window = std::chrono::minutes(15)};
}

}  // namespace

AccountLinks::AccountLinks(store::Database& db, const auth::PasswordHasher& hasher, Clock clock,
                           AccountLinkSettings settings)
    : db_(db),
      hasher_(hasher),
      clock_(std::move(clock)),
      settings_(std::move(settings)),
      reset_requests_(db, clock_, resetRequestsPolicy()) {}

std::string AccountLinks::linkUrl(LinkPurpose purpose, const std::string& token) const {
  std::string base = settings_.public_base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  switch (purpose) {
    case LinkPurpose::kInvitation:
      return base + "/invitation/" + token;
    case LinkPurpose::kPasswordReset:
      return base + "/mot-de-passe/" + token;
    case LinkPurpose::kFileLink:
      return base + "/rattachement/" + token;
  }
  return base;
}

IssuedLink AccountLinks::newLink(store::SqlSession& sql, const domain::UserAccount& user, LinkPurpose purpose,
                                 const std::optional<std::string>& subject_id, std::string& token) {
  token = randomToken(kTokenBytes);
  const Poco::Timestamp issued = clock_();
  IssuedLink link;
  link.expires_at = toIso8601(issued + Poco::Timespan(settings_.lifetime.count() * Poco::Timespan::HOURS));
  link.url = linkUrl(purpose, token);
  store::account_token_store::replace(sql, {sha256Hex(token),
                                            user.id,
                                            purposeName(purpose),
                                            toIso8601(issued),
                                            link.expires_at,
                                            {},
                                            {},
                                            subject_id});
  return link;
}

void AccountLinks::deliver(store::SqlSession& sql, const domain::UserAccount& user, const std::string& token,
                           const std::string& title, const std::string& body, const std::string& now,
                           IssuedLink& link) {
  if (!settings_.email_enabled) {
    link.delivery = "log";
    return;
  }
  store::NotificationRecord notification;
  notification.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  notification.user_id = user.id;
  notification.kind = "account_link";
  notification.source_key = "account_link:" + sha256Hex(token);
  notification.title = title;
  notification.body = body;
  notification.created_at = now;
  notification.email_state = "pending";
  store::notification_store::insert(sql, notification);
  link.delivery = "email";
}

IssuedLink AccountLinks::issue(store::SqlSession& sql, const domain::UserAccount& user, LinkPurpose purpose,
                               LinkChannel channel, const std::string& now) {
  std::string token;
  IssuedLink link = newLink(sql, user, purpose, std::nullopt, token);
  if (channel == LinkChannel::kCaller) {
    link.delivery = "caller";
    return link;
  }
  const auto organisation = store::organisation_store::find(sql, user.organisation_id);
  const AccountMail mail = purpose == LinkPurpose::kInvitation
                               ? invitationMail(user, organisation ? organisation->name : "", link.url)
                               : passwordResetMail(user, link.url);
  deliver(sql, user, token, mail.title, mail.body, now, link);
  return link;
}

IssuedLink AccountLinks::issueFileLink(store::SqlSession& sql, const domain::UserAccount& user,
                                       const std::string& file_id, const std::string& centre_name,
                                       const std::string& cqpm_title, const std::string& now) {
  std::string token;
  IssuedLink link = newLink(sql, user, LinkPurpose::kFileLink, file_id, token);
  const AccountMail mail = fileLinkMail(user, centre_name, cqpm_title, link.url);
  deliver(sql, user, token, mail.title, mail.body, now, link);
  announce(link, user.login);
  return link;
}

std::string AccountLinks::acceptFileLink(const domain::Actor& actor, const std::string& token) {
  const std::string now = toIso8601(clock_());
  return db_.write([&](store::SqlSession& sql) {
    const auto live = liveToken(sql, LinkPurpose::kFileLink, token, now);
    if (live.user_id != actor.user_id || !live.subject_id) {
      throw Error(ErrorCode::kNotFound, "this link is not valid", "token");
    }
    if (!store::account_token_store::markUsed(sql, live.token_hash, now))
      gone("used", "this link was already used");
    const auto centre = store::candidate_file_store::attachCandidate(sql, *live.subject_id, actor.user_id);
    if (!centre) gone("revoked", "the file was attached to another account meanwhile");
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("file_id", *live.subject_id);
    recordAdminAct(sql, adminActorOf(actor),
                   {"candidate_account_linked", "file", *live.subject_id, actor.login, *centre, details},
                   now);
    return *live.subject_id;
  });
}

void AccountLinks::announce(const IssuedLink& link, const std::string& login) const {
  if (link.delivery != "log") return;
  Poco::Logger::get("accounts")
      .warning(
          "no SMTP server is configured: the one-time link for '%s' is NOT e-mailed; hand it over yourself "
          "(valid until %s): %s",
          login, link.expires_at, link.url);
}

LinkHolder AccountLinks::inspect(LinkPurpose purpose, const std::string& token) {
  const std::string now = toIso8601(clock_());
  return db_.read([&](store::SqlSession& sql) {
    const auto live = liveToken(sql, purpose, token, now);
    const auto user = activeUserOf(sql, live);
    return LinkHolder{user.login, user.display_name, live.expires_at};
  });
}

std::string AccountLinks::redeem(LinkPurpose purpose, const std::string& token, const std::string& password) {
  const LinkHolder holder = inspect(purpose, token);  // says 404/410 before any slow hashing
  checkPasswordPolicy(password, holder.login, "password");
  const std::string password_hash = hasher_.hash(password);
  const std::string now = toIso8601(clock_());
  return db_.write([&](store::SqlSession& sql) {
    const auto live = liveToken(sql, purpose, token, now);
    auto user = activeUserOf(sql, live);
    if (!store::account_token_store::markUsed(sql, live.token_hash, now))
      gone("used", "this link was already used");
    user.password_hash = password_hash;
    user.updated_at = now;
    store::account_store::updateUser(sql, user, nowIso8601(clock_));
    store::account_store::revokeSessionsOfUser(sql, user.id, now);
    AdminActor self{user.id, user.login + " (" + user.display_name + ")"};
    const auto organisation = store::organisation_store::find(sql, user.organisation_id);
    std::optional<std::string> centre;
    if (organisation && organisation->kind == domain::OrganisationKind::kCentre) centre = organisation->id;
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("through", purposeName(purpose));
    recordAdminAct(sql, self, {"password_set", "user", user.id, user.login, centre, details}, now);
    return user.login;
  });
}

void AccountLinks::requestReset(const std::string& login_or_email, const std::string& client_address) {
  if (const int wait = reset_requests_.retryAfterSeconds(client_address); wait > 0) {
    auth::throwRateLimited(wait, "too many password reset requests; try again later", "login_or_email");
  }
  reset_requests_.recordFailure(client_address);
  const Poco::Timestamp at = clock_();
  const std::string now = toIso8601(at);
  const std::string hour_ago = toIso8601(at - Poco::Timespan(3600, 0));
  std::optional<IssuedLink> issued;
  std::string login;
  db_.write([&](store::SqlSession& sql) {
    auto user = store::account_store::findUserByLogin(sql, login_or_email);
    if (!user && login_or_email.find('@') != std::string::npos) {
      user = store::account_store::findUserByEmail(sql, login_or_email);
    }
    if (!user || !user->active || !store::account_store::actorOfUser(sql, user->id)) return;
    if (store::account_token_store::countSince(sql, user->id, "password_reset", hour_ago) >= kResetsPerHour)
      return;
    issued = issue(sql, *user, LinkPurpose::kPasswordReset, LinkChannel::kConfigured, now);
    login = user->login;
    const auto organisation = store::organisation_store::find(sql, user->organisation_id);
    std::optional<std::string> centre;
    if (organisation && organisation->kind == domain::OrganisationKind::kCentre) centre = organisation->id;
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("delivery", issued->delivery);
    recordAdminAct(sql, {std::nullopt, "demande publique (" + client_address + ")"},
                   {"password_reset_requested", "user", user->id, user->login, centre, details}, now);
  });
  if (issued) announce(*issued, login);
}

void AccountLinks::changePassword(const domain::Actor& actor, const std::string& current_password,
                                  const std::string& new_password, const std::string& session_token) {
  const auto user =
      db_.read([&](store::SqlSession& sql) { return store::account_store::findUser(sql, actor.user_id); });
  if (!user || !hasher_.verify(current_password, user->password_hash)) {
    throw Error(ErrorCode::kUnprocessable, "the current password is wrong", "current_password");
  }
  checkPasswordPolicy(new_password, actor.login, "new_password");
  if (new_password == current_password) {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("rule", "unchanged");
    throw Error(ErrorCode::kPasswordPolicy, "Le nouveau mot de passe doit différer de l'actuel.",
                "new_password", details);
  }
  const std::string password_hash = hasher_.hash(new_password);
  const std::string now = toIso8601(clock_());
  db_.write([&](store::SqlSession& sql) {
    auto current = store::account_store::findUser(sql, actor.user_id);
    if (!current) throw Error(ErrorCode::kUnauthenticated, "the account no longer exists");
    current->password_hash = password_hash;
    current->updated_at = now;
    store::account_store::updateUser(sql, *current, nowIso8601(clock_));
    // Every other session closes; the one in use stays open.
    store::account_store::revokeSessionsOfUser(sql, current->id, now, sha256Hex(session_token));
    std::optional<std::string> centre;
    if (actor.organisation_kind == domain::OrganisationKind::kCentre) centre = actor.organisation_id;
    recordAdminAct(sql, adminActorOf(actor),
                   {"password_changed", "user", current->id, current->login, centre, nullptr}, now);
  });
}

}  // namespace cqpm::admin
