#include "common/sha256.h"

#include <openssl/evp.h>

#include <new>

#include "common/error.h"

namespace cqpm {

namespace {

// OpenSSL fails here only when out of memory: no input can cause it.
void check(int ok, const char* what) {
  if (ok != 1) throw Error(ErrorCode::kInternal, std::string("OpenSSL SHA-256: ") + what + " failed");
}

}  // namespace

void Sha256::FreeContext::operator()(evp_md_ctx_st* context) const { EVP_MD_CTX_free(context); }

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (!context_) throw std::bad_alloc();
  check(EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr), "init");
}

void Sha256::update(const void* data, std::size_t size) {
  check(EVP_DigestUpdate(context_.get(), data, size), "update");
}

std::string Sha256::digest() {
  unsigned char bytes[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  check(EVP_DigestFinal_ex(context_.get(), bytes, &length), "final");
  check(EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr), "reset");
  return std::string(reinterpret_cast<const char*>(bytes), length);
}

std::string Sha256::hex() {
  const std::string bytes = digest();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(2 * bytes.size(), '0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    text[2 * i] = kHex[byte >> 4];
    text[2 * i + 1] = kHex[byte & 0x0f];
  }
  return text;
}

std::string sha256Hex(const std::string& data) {
  Sha256 sha;
  sha.update(data);
  return sha.hex();
}

}  // namespace cqpm
