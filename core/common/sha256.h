#pragma once

#include <Poco/Crypto/DigestEngine.h>

#include <cstddef>
#include <string>

namespace cqpm {

/// SHA-256 over data given in pieces (a document streamed from disk, the
/// fields of a chain link). OpenSSL's implementation through Poco::Crypto:
/// about three times faster than Poco's own SHA2Engine.
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(const std::string& data) { update(data.data(), data.size()); }
  /// Lower-case hex digest; the object is then reset.
  std::string hex();

 private:
  Poco::Crypto::DigestEngine engine_;
};

/// Lower-case hex SHA-256 of `data`.
std::string sha256Hex(const std::string& data);

}  // namespace cqpm
