#pragma once

#include <string>
#include <vector>

#include "auth/auth_service.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "sso/provider_client.h"
#include "sso/provider_directory.h"
#include "store/database.h"

namespace cqpm::sso {

/// An organisation's identity provider as the administration sets it.
struct ProviderSettings {
  std::string issuer;
  std::string client_id;
  std::string client_secret;
};

/// An organisation's identity provider as shown: never its secret.
struct ProviderView {
  std::string organisation_id;
  std::string organisation_name;
  std::string issuer;
  std::string client_id;
  std::string updated_at;
};

/// Logging in through an organisation's OpenID provider (OpenID Connect
/// Core 1.0, authorization code flow with PKCE): start() sends the browser to
/// the provider with a fresh state, nonce and S256 challenge; finish() takes
/// the provider's answer once, redeems the code with the verifier, checks the
/// ID token (sso/id_token.h) and opens a session for the organisation's one
/// active account with the e-mail the provider asserts verified. Nothing
/// else matches an account: not the name, not an unverified e-mail, not an
/// account of another organisation. Network calls run outside any
/// transaction; each provider's discovery document and keys are kept
/// between logins (sso/provider_directory.h). Thread-safe.
class SingleSignOnService {
 public:
  /// `redirect_uri` is where providers send the browser back (the callback
  /// route), `post_logout_redirect_uri` where they send it after a logout
  /// (the login page); borrows everything.
  SingleSignOnService(store::Database& db, auth::AuthService& auth, const ProviderClient& client, Clock clock,
                      std::string redirect_uri, std::string post_logout_redirect_uri);

  /// Sets (or replaces) the organisation's provider, after reading its
  /// discovery document: a provider that cannot be read is refused now, not
  /// at the first login. Platform administrators only (Error{kForbidden});
  /// Error{kNotFound} for an unknown organisation; Error{kInvalidField}
  /// naming the field; Error{kUnavailable} when the provider cannot be reached.
  /// Recorded in the administration log, without the secret.
  ProviderView configure(const domain::Actor& actor, const std::string& organisation_id,
                         const ProviderSettings& settings);
  /// Removes it (password logins go on). Error{kNotFound} if there was none.
  void remove(const domain::Actor& actor, const std::string& organisation_id);
  /// The provider of the organisation, for the administration; Error{kNotFound} if none.
  ProviderView provider(const domain::Actor& actor, const std::string& organisation_id);
  /// The organisations one can log in through, for the login page.
  std::vector<ProviderView> loginChoices();

  /// The provider's authorization URL to send the browser to.
  /// Error{kNotFound} when the organisation has no provider.
  std::string start(const std::string& organisation_id);
  /// Completes a login. Error{kUnauthenticated} naming what failed: "state"
  /// (unknown, used or older than ten minutes), "code" (refused by the
  /// provider), "id_token" (see verifyIdToken), "email" (not asserted verified,
  /// or no single active account of the organisation has it).
  auth::LoginResult finish(const std::string& state, const std::string& code);

  /// Where to send the browser after the local logout of a session the
  /// organisation's provider opened, so that the provider ends its own session
  /// too (OpenID Connect RP-Initiated Logout 1.0: its end_session_endpoint
  /// with client_id and post_logout_redirect_uri; on a centre's shared
  /// workstation the next person must not be signed in as the previous one).
  /// nullopt when the organisation no longer has a provider, the provider
  /// offers no such endpoint or cannot be read now (the local logout stands).
  std::optional<std::string> providerLogoutUrl(const std::string& organisation_id);

  /// How long a login may take between start() and finish().
  static constexpr int kLoginMinutes = 10;

 private:
  domain::Actor accountFor(const std::string& organisation_id, const std::string& email);

  store::Database& db_;
  auth::AuthService& auth_;
  const ProviderClient& client_;
  Clock clock_;
  ProviderDirectory directory_;
  std::string redirect_uri_;
  std::string post_logout_redirect_uri_;
};

}  // namespace cqpm::sso
