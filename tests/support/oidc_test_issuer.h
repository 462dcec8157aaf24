#pragma once

#include <memory>
#include <string>

// OpenSSL's key object, kept opaque here.
struct evp_pkey_st;

namespace cqpm::testing {

/// The signing side of an OpenID provider, for tests: an RSA-2048 key made
/// once per object (OpenSSL), its JWK Set, and compact ID tokens signed with it.
class OidcTestIssuer {
 public:
  explicit OidcTestIssuer(std::string kid = "test-key-1");
  /// {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":…,"n":…,"e":…}]}
  std::string jwks() const;
  /// header.payload.signature, RS256 over `payload_json` with `header_json`
  /// ({"alg":"RS256","kid":<kid>} when empty).
  std::string sign(const std::string& payload_json, const std::string& header_json = "") const;
  const std::string& kid() const { return kid_; }

 private:
  std::string kid_;
  std::shared_ptr<evp_pkey_st> key_;
};

}  // namespace cqpm::testing
