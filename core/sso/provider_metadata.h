#pragma once

#include <string>

namespace cqpm::sso {

/// What a login needs of an OpenID provider's discovery document
/// (<issuer>/.well-known/openid-configuration, OpenID Connect Discovery 1.0).
struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  /// Where a logout sends the browser to end the provider's session too
  /// (RP-Initiated Logout 1.0); empty when the provider offers none.
  std::string end_session_endpoint;
};

/// The discovery document's URL for `issuer` (its trailing slash dropped).
std::string discoveryUrl(const std::string& issuer);

/// Reads a discovery document. Throws Error{kInvalidField} naming the member
/// at fault: not JSON, an issuer other than `expected_issuer` (Discovery §4.3:
/// they must be identical), a missing endpoint, an endpoint that is not
/// https (plain http is accepted on loopback only, for a provider on the same
/// machine; end_session_endpoint is optional, but checked alike when given), "code" missing from
/// response_types_supported, or S256 missing from code_challenge_methods_supported when the provider lists
/// methods.
ProviderMetadata parseProviderMetadata(const std::string& json, const std::string& expected_issuer);

/// Whether `url` may carry credentials: https, or http to 127.0.0.1, [::1] or localhost.
bool isSafeEndpoint(const std::string& url);

}  // namespace cqpm::sso
