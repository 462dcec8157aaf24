#pragma once

#include <string>

namespace cqpm::sso {

/// A PKCE pair (RFC 7636): the verifier the server keeps until the provider
/// sends the user back, and the S256 challenge sent with the authorization
/// request. Whoever steals the code in the redirect cannot redeem it without
/// the verifier.
struct Pkce {
  std::string verifier;
  std::string challenge;
};

/// 32 random bytes as the verifier (43 base64url characters, the RFC's
/// recommended entropy) and its S256 challenge.
Pkce newPkce();

/// base64url(SHA-256(verifier)), unpadded: the "S256" code_challenge_method.
std::string s256Challenge(const std::string& verifier);

}  // namespace cqpm::sso
