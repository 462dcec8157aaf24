#include "support/oidc_test_issuer.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <stdexcept>

#include "common/base64url.h"

namespace cqpm::testing {

namespace {

std::string bigEndianParam(EVP_PKEY* key, const char* name) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &number) != 1) throw std::runtime_error("RSA parameter");
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(number)), '\0');
  BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(number);
  return bytes;
}

}  // namespace

OidcTestIssuer::OidcTestIssuer(std::string kid) : kid_(std::move(kid)) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  if (key == nullptr) throw std::runtime_error("EVP_RSA_gen failed");
  key_.reset(key, EVP_PKEY_free);
}

std::string OidcTestIssuer::jwks() const {
  return R"({"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":")" + kid_ + R"(","n":")" +
         base64Url(bigEndianParam(key_.get(), OSSL_PKEY_PARAM_RSA_N)) + R"(","e":")" +
         base64Url(bigEndianParam(key_.get(), OSSL_PKEY_PARAM_RSA_E)) + R"("}]})";
}

std::string OidcTestIssuer::sign(const std::string& payload_json, const std::string& header_json) const {
  const std::string header = header_json.empty() ? R"({"alg":"RS256","kid":")" + kid_ + R"("})" : header_json;
  const std::string signed_part = base64Url(header) + "." + base64Url(payload_json);
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  std::size_t size = 0;
  std::string signature;
  if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key_.get()) == 1 &&
      EVP_DigestSign(context, nullptr, &size, reinterpret_cast<const unsigned char*>(signed_part.data()),
                     signed_part.size()) == 1) {
    signature.resize(size);
    EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &size,
                   reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size());
    signature.resize(size);
  }
  EVP_MD_CTX_free(context);
  if (signature.empty()) throw std::runtime_error("RS256 signature failed");
  return signed_part + "." + base64Url(signature);
}

}  // namespace cqpm::testing
