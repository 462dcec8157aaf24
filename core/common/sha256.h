#pragma once

#include <cstddef>
#include <memory>
#include <string>

// OpenSSL's digest context, kept opaque here.
struct evp_md_ctx_st;

namespace cqpm {

/// SHA-256 over data given in pieces (a document streamed from disk, the
/// fields of a chain link), by OpenSSL's EVP interface: about three times
/// faster than Poco's own SHA2Engine. Not through Poco::Crypto::DigestEngine:
/// each of those initialises and releases OpenSSL through a process-wide
/// reference count whose release frees the locks another thread's
/// initialisation has just made (a use-after-free ThreadSanitizer showed under
/// concurrent transitions); OpenSSL 3 needs no such initialisation.
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(const std::string& data) { update(data.data(), data.size()); }
  /// The 32 bytes of the digest; the object is then reset.
  std::string digest();
  /// Lower-case hex digest; the object is then reset.
  std::string hex();

 private:
  struct FreeContext {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, FreeContext> context_;
};

/// Lower-case hex SHA-256 of `data`.
std::string sha256Hex(const std::string& data);

}  // namespace cqpm
