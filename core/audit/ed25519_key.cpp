#include "audit/ed25519_key.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

#include "common/base64url.h"
#include "common/error.h"
#include "common/sha256.h"

namespace cqpm::audit {
namespace {

struct FreeBio {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct FreeMdContext {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using Bio = std::unique_ptr<BIO, FreeBio>;
using MdContext = std::unique_ptr<EVP_MD_CTX, FreeMdContext>;

std::string bioText(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

Bio readBio(std::string_view text) {
  return Bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

bool isEd25519(const EVP_PKEY* key) { return key != nullptr && EVP_PKEY_get_id(key) == EVP_PKEY_ED25519; }

}  // namespace

void FreeEvpKey::operator()(evp_pkey_st* key) const { EVP_PKEY_free(key); }

VerifyingKey VerifyingKey::fromPem(std::string_view pem) {
  const Bio bio = readBio(pem);
  EvpKey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!isEd25519(key.get())) {
    throw Error(ErrorCode::kInvalidField, "public_key is not an Ed25519 public key in PEM", "public_key");
  }
  return VerifyingKey(std::move(key));
}

bool VerifyingKey::verifies(std::string_view message, std::string_view signature) const {
  const MdContext context(EVP_MD_CTX_new());
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key_.get()) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not start an Ed25519 verification");
  }
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

std::string VerifyingKey::pem() const {
  const Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not write the public key");
  }
  return bioText(bio.get());
}

std::string VerifyingKey::raw() const {
  std::string bytes(32, '\0');
  std::size_t size = bytes.size();
  if (EVP_PKEY_get_raw_public_key(key_.get(), reinterpret_cast<unsigned char*>(bytes.data()), &size) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not read the raw public key");
  }
  bytes.resize(size);
  return bytes;
}

std::string VerifyingKey::jwkX() const { return base64Url(raw()); }

std::string VerifyingKey::keyId() const {
  // RFC 7638: the required members in lexicographic order, no white space.
  const std::string canonical = R"({"crv":"Ed25519","kty":"OKP","x":")" + jwkX() + "\"}";
  Sha256 sha;
  sha.update(canonical);
  return base64Url(sha.digest());
}

SigningKey SigningKey::generate() {
  EvpKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (!key) throw Error(ErrorCode::kInternal, "OpenSSL could not generate an Ed25519 key");
  return SigningKey(std::move(key));
}

SigningKey SigningKey::fromPem(std::string_view pem) {
  const Bio bio = readBio(pem);
  EvpKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!isEd25519(key.get()))
    throw Error(ErrorCode::kInternal, "the platform's signing key is not an Ed25519 key");
  return SigningKey(std::move(key));
}

std::string SigningKey::sign(std::string_view message) const {
  const MdContext context(EVP_MD_CTX_new());
  std::string signature(64, '\0');
  std::size_t size = signature.size();
  if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not sign with the platform's key");
  }
  signature.resize(size);
  return signature;
}

std::string SigningKey::privatePem() const {
  const Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not write the private key");
  }
  return bioText(bio.get());
}

VerifyingKey SigningKey::publicKey() const {
  // The public half, written and read back alone: the verifying key holds no private part.
  const Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not write the public key");
  }
  return VerifyingKey::fromPem(bioText(bio.get()));
}

}  // namespace cqpm::audit
