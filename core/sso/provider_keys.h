#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

// OpenSSL's key object, kept opaque here.
struct evp_pkey_st;

namespace cqpm::sso {

/// The keys an OpenID provider signs its ID tokens with, as it publishes them
/// at its jwks_uri (a JWK Set, RFC 7517): RSA keys of at least 2048 bits for
/// RS256, Ed25519 keys for EdDSA. Keys of other kinds, or marked for
/// encryption ("use": "enc"), are skipped. Immutable, so shareable between
/// threads (each verification has its own context).
class ProviderKeys {
 public:
  /// Throws Error{kInvalidField, field "jwks"} if `jwks_json` is not a JWK Set,
  /// or holds a key of a kind we use that is malformed.
  static ProviderKeys fromJwks(const std::string& jwks_json);

  /// Whether `signature` over `message` verifies with `alg` ("RS256" or
  /// "EdDSA") under the key named `kid`, or, when `kid` is empty, under the
  /// one key of that kind (a provider with several must name the key).
  bool verifies(const std::string& alg, const std::string& kid, std::string_view message,
                std::string_view signature) const;

  /// How many usable keys were read.
  std::size_t size() const { return keys_.size(); }

 private:
  struct Key {
    std::string kid;
    std::string alg;  ///< "RS256" or "EdDSA": the algorithm this key's kind signs with
    std::shared_ptr<evp_pkey_st> key;
  };
  std::vector<Key> keys_;
};

}  // namespace cqpm::sso
