#pragma once

#include <memory>
#include <string>
#include <string_view>

// OpenSSL's key object, kept opaque here.
struct evp_pkey_st;

namespace cqpm::audit {

struct FreeEvpKey {
  void operator()(evp_pkey_st* key) const;
};
using EvpKey = std::unique_ptr<evp_pkey_st, FreeEvpKey>;

/// An Ed25519 public key (OpenSSL): checks signatures made by the platform. Immutable, so
/// shareable between threads.
class VerifyingKey {
 public:
  /// Throws Error{kInvalidField, field "public_key"} if `pem` is not an Ed25519 public key.
  static VerifyingKey fromPem(std::string_view pem);

  /// Whether `signature` (64 raw bytes) signs `message`.
  bool verifies(std::string_view message, std::string_view signature) const;

  std::string pem() const;
  /// The 32 raw bytes of the key.
  std::string raw() const;
  /// The key as a JSON Web Key's members: "x", base64url of the raw key (RFC 8037).
  std::string jwkX() const;
  /// The RFC 7638 thumbprint of that JWK (base64url SHA-256): the key's id ("kid").
  std::string keyId() const;

 private:
  explicit VerifyingKey(EvpKey key) : key_(std::move(key)) {}
  friend class SigningKey;
  std::shared_ptr<evp_pkey_st> key_;
};

/// An Ed25519 private key: signs what the platform vouches for (audit bundles, credentials).
/// Immutable once made, so shareable between threads (each signature has its own context).
class SigningKey {
 public:
  /// A new random key. Throws Error{kInternal} if OpenSSL fails.
  static SigningKey generate();
  /// Throws Error{kInternal} if `pem` is not an Ed25519 private key (a damaged key store).
  static SigningKey fromPem(std::string_view pem);

  /// The 64-byte signature of `message`.
  std::string sign(std::string_view message) const;

  /// PKCS#8 PEM, unencrypted (the key store's own protection applies).
  std::string privatePem() const;
  VerifyingKey publicKey() const;

 private:
  explicit SigningKey(EvpKey key) : key_(std::move(key)) {}
  std::shared_ptr<evp_pkey_st> key_;
};

}  // namespace cqpm::audit
