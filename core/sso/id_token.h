#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sso/provider_keys.h"

namespace cqpm::sso {

/// What a valid ID token must say: who issued it, for whom, in answer to
/// which authorization request (the nonce), checked at `now` (Unix seconds)
/// with `leeway_seconds` for the clocks' drift.
struct IdTokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::int64_t now = 0;
  std::int64_t leeway_seconds = 60;
};

/// The claims a login uses. `email_verified` is true only when the provider
/// asserts it with the JSON value true (some send the text "true": taken too).
struct IdTokenClaims {
  std::string subject;
  std::optional<std::string> email;
  bool email_verified = false;
  std::optional<std::string> name;
};

/// Checks a compact-serialised ID token as OpenID Connect Core 1.0 §3.1.3.7
/// asks: three parts; alg RS256 or EdDSA (never "none", never a shared-secret
/// HMAC); the signature by one of the provider's keys; iss equal to the
/// issuer; aud holding the client id (and azp equal to it when there are
/// several audiences); exp not passed; iat not in the future; nonce equal to
/// the one sent. Throws Error{kUnauthenticated, field "id_token"} whose
/// message names the first check that failed.
IdTokenClaims verifyIdToken(std::string_view token, const ProviderKeys& keys,
                            const IdTokenExpectations& expected);

}  // namespace cqpm::sso
