#include "sso/provider_keys.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "common/base64url.h"
#include "common/error.h"

namespace cqpm::sso {

namespace {

constexpr int kMinimumRsaBits = 2048;
constexpr std::size_t kEd25519KeyBytes = 32;

struct FreeBignum {
  void operator()(BIGNUM* number) const { BN_free(number); }
};
struct FreeParamBuilder {
  void operator()(OSSL_PARAM_BLD* builder) const { OSSL_PARAM_BLD_free(builder); }
};
struct FreeParams {
  void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct FreeKeyContext {
  void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct FreeDigestContext {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
void freeKey(EVP_PKEY* key) { EVP_PKEY_free(key); }

[[noreturn]] void badJwks(const std::string& why) { throw Error(ErrorCode::kInvalidField, why, "jwks"); }

std::string member(const Poco::JSON::Object& key, const std::string& name) {
  if (!key.has(name) || !key.get(name).isString()) badJwks("a key has no \"" + name + "\" text");
  return key.getValue<std::string>(name);
}

std::string optionalMember(const Poco::JSON::Object& key, const std::string& name) {
  return key.has(name) && key.get(name).isString() ? key.getValue<std::string>(name) : std::string();
}

std::unique_ptr<BIGNUM, FreeBignum> bignumOf(const std::string& base64url, const std::string& name) {
  const std::string bytes = fromBase64Url(base64url, "jwks");
  if (bytes.empty()) badJwks("an RSA key has an empty \"" + name + "\"");
  BIGNUM* number = BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                             static_cast<int>(bytes.size()), nullptr);
  if (number == nullptr) throw Error(ErrorCode::kInternal, "OpenSSL could not read an RSA key");
  return std::unique_ptr<BIGNUM, FreeBignum>(number);
}

// An RSA public key from its modulus and exponent (OpenSSL 3's EVP_PKEY_fromdata).
std::shared_ptr<EVP_PKEY> rsaKey(const Poco::JSON::Object& jwk) {
  const auto modulus = bignumOf(member(jwk, "n"), "n");
  const auto exponent = bignumOf(member(jwk, "e"), "e");
  if (BN_num_bits(modulus.get()) < kMinimumRsaBits)
    badJwks("an RSA key of " + std::to_string(BN_num_bits(modulus.get())) +
            " bits (at least 2048 are needed)");
  const std::unique_ptr<OSSL_PARAM_BLD, FreeParamBuilder> builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1)
    throw Error(ErrorCode::kInternal, "OpenSSL could not hold an RSA key");
  const std::unique_ptr<OSSL_PARAM, FreeParams> params(OSSL_PARAM_BLD_to_param(builder.get()));
  const std::unique_ptr<EVP_PKEY_CTX, FreeKeyContext> context(
      EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
    badJwks("an RSA key OpenSSL does not accept");
  return {key, freeKey};
}

std::shared_ptr<EVP_PKEY> ed25519Key(const Poco::JSON::Object& jwk) {
  const std::string raw = fromBase64Url(member(jwk, "x"), "jwks");
  if (raw.size() != kEd25519KeyBytes) badJwks("an Ed25519 key of " + std::to_string(raw.size()) + " bytes");
  EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                              reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  if (key == nullptr) badJwks("an Ed25519 key OpenSSL does not accept");
  return {key, freeKey};
}

}  // namespace

ProviderKeys ProviderKeys::fromJwks(const std::string& jwks_json) {
  Poco::JSON::Object::Ptr set;
  try {
    set = Poco::JSON::Parser().parse(jwks_json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    badJwks("the provider's key set is not a JSON object");
  }
  const Poco::JSON::Array::Ptr keys = set ? set->getArray("keys") : nullptr;
  if (!keys) badJwks("the provider's key set has no \"keys\" array");
  ProviderKeys found;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    const Poco::JSON::Object::Ptr jwk = keys->getObject(static_cast<unsigned>(i));
    if (!jwk) badJwks("a key is not a JSON object");
    if (optionalMember(*jwk, "use") == "enc") continue;
    const std::string kind = member(*jwk, "kty");
    const std::string alg = optionalMember(*jwk, "alg");
    if (kind == "RSA" && (alg.empty() || alg == "RS256")) {
      found.keys_.push_back({optionalMember(*jwk, "kid"), "RS256", rsaKey(*jwk)});
    } else if (kind == "OKP" && optionalMember(*jwk, "crv") == "Ed25519" && (alg.empty() || alg == "EdDSA")) {
      found.keys_.push_back({optionalMember(*jwk, "kid"), "EdDSA", ed25519Key(*jwk)});
    }
  }
  return found;
}

bool ProviderKeys::verifies(const std::string& alg, const std::string& kid, std::string_view message,
                            std::string_view signature) const {
  const Key* chosen = nullptr;
  int of_kind = 0;
  for (const Key& key : keys_) {
    if (key.alg != alg) continue;
    ++of_kind;
    if (!kid.empty() && key.kid == kid) chosen = &key;
    if (kid.empty()) chosen = &key;
  }
  if (chosen == nullptr || (kid.empty() && of_kind != 1)) return false;
  const std::unique_ptr<EVP_MD_CTX, FreeDigestContext> context(EVP_MD_CTX_new());
  // EdDSA hashes inside the signature scheme: no digest is named.
  const EVP_MD* digest = alg == "RS256" ? EVP_sha256() : nullptr;
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, digest, nullptr, chosen->key.get()) != 1)
    return false;
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

}  // namespace cqpm::sso
