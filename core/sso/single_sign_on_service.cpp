#include "sso/single_sign_on_service.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/URI.h>

#include "admin/admin_log.h"
#include "common/error.h"
#include "common/random_bytes.h"
#include "common/sha256.h"
#include "sso/id_token.h"
#include "sso/pkce.h"
#include "sso/provider_keys.h"
#include "sso/provider_metadata.h"
#include "store/account_store.h"
#include "store/organisation_store.h"
#include "store/sso_store.h"

namespace cqpm::sso {

namespace {

constexpr std::size_t kStateBytes = 32;
constexpr std::size_t kMaxIdentifier = 200;
constexpr std::size_t kMaxSecret = 500;

void requirePlatformAdmin(const domain::Actor& actor) {
  if (actor.role != domain::Role::kAdmin)
    throw Error(ErrorCode::kForbidden, "only a platform administrator sets identity providers");
}

std::string checkedText(const std::string& value, const char* field, std::size_t limit) {
  if (value.empty()) throw Error(ErrorCode::kInvalidField, std::string(field) + " is required", field);
  if (value.size() > limit)
    throw Error(ErrorCode::kInvalidField, std::string(field) + " is longer than " + std::to_string(limit),
                field);
  return value;
}

ProviderView viewOf(const store::SsoProviderRecord& record) {
  return {record.organisation_id, record.organisation_name, record.issuer, record.client_id,
          record.updated_at};
}

[[noreturn]] void refuse(const std::string& why, const char* field) {
  throw Error(ErrorCode::kUnauthenticated, why, field);
}

std::string idTokenOf(const std::string& token_answer) {
  try {
    const auto answer = Poco::JSON::Parser().parse(token_answer).extract<Poco::JSON::Object::Ptr>();
    if (answer && answer->has("id_token") && answer->get("id_token").isString())
      return answer->getValue<std::string>("id_token");
  } catch (const Poco::Exception&) {
  }
  refuse("the identity provider answered no ID token", "id_token");
}

// The provider's discovery document, read and checked.
// Logins begun before this time are abandoned (stored times compare as text).
std::string abandonedBefore(const Poco::Timestamp& now) {
  return toIso8601(now - Poco::Timespan(SingleSignOnService::kLoginMinutes * Poco::Timespan::MINUTES));
}

}  // namespace

SingleSignOnService::SingleSignOnService(store::Database& db, auth::AuthService& auth,
                                         const ProviderClient& client, Clock clock, std::string redirect_uri,
                                         std::string post_logout_redirect_uri)
    : db_(db),
      auth_(auth),
      client_(client),
      clock_(std::move(clock)),
      directory_(client, clock_),
      redirect_uri_(std::move(redirect_uri)),
      post_logout_redirect_uri_(std::move(post_logout_redirect_uri)) {}

ProviderView SingleSignOnService::configure(const domain::Actor& actor, const std::string& organisation_id,
                                            const ProviderSettings& settings) {
  requirePlatformAdmin(actor);
  const std::string issuer = checkedText(settings.issuer, "issuer", kMaxIdentifier);
  if (!isSafeEndpoint(issuer)) throw Error(ErrorCode::kInvalidField, "issuer must be an https URL", "issuer");
  store::SsoProviderRecord record{organisation_id,
                                  "",
                                  issuer,
                                  checkedText(settings.client_id, "client_id", kMaxIdentifier),
                                  checkedText(settings.client_secret, "client_secret", kMaxSecret),
                                  ""};
  const auto organisation =
      db_.read([&](store::SqlSession& sql) { return store::organisation_store::find(sql, organisation_id); });
  if (!organisation) throw Error(ErrorCode::kNotFound, "organisation " + organisation_id);
  directory_.refresh(issuer);  // refused now rather than at a login
  record.organisation_name = organisation->name;
  record.updated_at = toIso8601(clock_());
  db_.write([&](store::SqlSession& sql) {
    store::sso_store::saveProvider(sql, record);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("issuer", record.issuer);
    details->set("client_id", record.client_id);
    admin::recordAdminAct(
        sql, admin::adminActorOf(actor),
        {"sso_provider_set", "organisation", organisation_id, organisation->name, std::nullopt, details},
        record.updated_at);
  });
  return viewOf(record);
}

void SingleSignOnService::remove(const domain::Actor& actor, const std::string& organisation_id) {
  requirePlatformAdmin(actor);
  const std::string now = toIso8601(clock_());
  std::string existing_issuer;
  db_.write([&](store::SqlSession& sql) {
    const auto existing = store::sso_store::findProvider(sql, organisation_id);
    if (!existing || !store::sso_store::removeProvider(sql, organisation_id))
      throw Error(ErrorCode::kNotFound, "no identity provider for organisation " + organisation_id);
    existing_issuer = existing->issuer;
    admin::recordAdminAct(sql, admin::adminActorOf(actor),
                          {"sso_provider_removed", "organisation", organisation_id,
                           existing->organisation_name, std::nullopt, nullptr},
                          now);
  });
  directory_.forget(existing_issuer);
}

ProviderView SingleSignOnService::provider(const domain::Actor& actor, const std::string& organisation_id) {
  requirePlatformAdmin(actor);
  const auto found =
      db_.read([&](store::SqlSession& sql) { return store::sso_store::findProvider(sql, organisation_id); });
  if (!found) throw Error(ErrorCode::kNotFound, "no identity provider for organisation " + organisation_id);
  return viewOf(*found);
}

std::vector<ProviderView> SingleSignOnService::loginChoices() {
  std::vector<ProviderView> choices;
  for (const auto& record :
       db_.read([](store::SqlSession& sql) { return store::sso_store::providers(sql); })) {
    ProviderView view = viewOf(record);
    view.client_id.clear();  // the login page needs the organisation only
    choices.push_back(std::move(view));
  }
  return choices;
}

std::string SingleSignOnService::start(const std::string& organisation_id) {
  const auto provider =
      db_.read([&](store::SqlSession& sql) { return store::sso_store::findProvider(sql, organisation_id); });
  if (!provider)
    throw Error(ErrorCode::kNotFound, "no identity provider for organisation " + organisation_id);
  const ProviderMetadata metadata = directory_.metadata(provider->issuer);

  const std::string state = randomToken(kStateBytes);
  const std::string nonce = randomToken(kStateBytes);
  const Pkce pkce = newPkce();
  const Poco::Timestamp now = clock_();
  const std::string abandoned_before = abandonedBefore(now);
  db_.write([&](store::SqlSession& sql) {
    store::sso_store::purgeLoginsBefore(sql, abandoned_before);
    store::sso_store::insertLogin(sql,
                                  {sha256Hex(state), organisation_id, nonce, pkce.verifier, toIso8601(now)});
  });

  Poco::URI authorization(metadata.authorization_endpoint);
  authorization.addQueryParameter("response_type", "code");
  authorization.addQueryParameter("client_id", provider->client_id);
  authorization.addQueryParameter("redirect_uri", redirect_uri_);
  authorization.addQueryParameter("scope", "openid email profile");
  authorization.addQueryParameter("state", state);
  authorization.addQueryParameter("nonce", nonce);
  authorization.addQueryParameter("code_challenge", pkce.challenge);
  authorization.addQueryParameter("code_challenge_method", "S256");
  return authorization.toString();
}

auth::LoginResult SingleSignOnService::finish(const std::string& state, const std::string& code) {
  if (state.empty() || state.size() > 256) refuse("this login is unknown", "state");
  if (code.empty() || code.size() > 2048) refuse("the identity provider sent no code", "code");
  const auto login =
      db_.write([&](store::SqlSession& sql) { return store::sso_store::takeLogin(sql, sha256Hex(state)); });
  if (!login) refuse("this login is unknown or was already completed", "state");
  const Poco::Timestamp now = clock_();
  if (login->created_at < abandonedBefore(now))
    refuse("this login took more than " + std::to_string(kLoginMinutes) + " minutes", "state");
  const auto provider = db_.read(
      [&](store::SqlSession& sql) { return store::sso_store::findProvider(sql, login->organisation_id); });
  if (!provider) refuse("the organisation no longer logs in through an identity provider", "state");

  const ProviderMetadata metadata = directory_.metadata(provider->issuer);
  const std::string id_token = idTokenOf(client_.postForm(metadata.token_endpoint,
                                                          {{"grant_type", "authorization_code"},
                                                           {"code", code},
                                                           {"redirect_uri", redirect_uri_},
                                                           {"code_verifier", login->code_verifier}},
                                                          provider->client_id, provider->client_secret));
  const IdTokenClaims claims = directory_.verify(
      metadata, id_token, {provider->issuer, provider->client_id, login->nonce, now.epochTime(), 60});
  if (!claims.email || !claims.email_verified)
    refuse("the identity provider did not assert a verified e-mail address", "email");
  return auth_.openSession(accountFor(login->organisation_id, *claims.email), login->organisation_id);
}

std::optional<std::string> SingleSignOnService::providerLogoutUrl(const std::string& organisation_id) {
  const auto provider =
      db_.read([&](store::SqlSession& sql) { return store::sso_store::findProvider(sql, organisation_id); });
  if (!provider) return std::nullopt;
  try {
    const ProviderMetadata metadata = directory_.metadata(provider->issuer);
    if (metadata.end_session_endpoint.empty()) return std::nullopt;
    Poco::URI logout(metadata.end_session_endpoint);
    logout.addQueryParameter("client_id", provider->client_id);
    logout.addQueryParameter("post_logout_redirect_uri", post_logout_redirect_uri_);
    return logout.toString();
  } catch (const Error& e) {
    // Unreachable or misconfigured now: the session is closed here all the same.
    Poco::Logger::get("sso").warning("no logout at the identity provider of %s: %s", organisation_id,
                                     std::string(e.what()));
    return std::nullopt;
  }
}

domain::Actor SingleSignOnService::accountFor(const std::string& organisation_id, const std::string& email) {
  const auto actor = db_.read([&](store::SqlSession& sql) -> std::optional<domain::Actor> {
    const auto ids = store::sso_store::activeUsersWithEmail(sql, organisation_id, email);
    if (ids.size() != 1) return std::nullopt;
    return store::account_store::actorOfUser(sql, ids.front());
  });
  if (!actor) refuse("no single active account of the organisation has this e-mail address", "email");
  return *actor;
}

}  // namespace cqpm::sso
