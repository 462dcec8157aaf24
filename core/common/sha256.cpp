#include "common/sha256.h"

namespace cqpm {

Sha256::Sha256() : engine_("SHA256") {}

void Sha256::update(const void* data, std::size_t size) { engine_.update(data, size); }

std::string Sha256::hex() { return Poco::DigestEngine::digestToHex(engine_.digest()); }

std::string sha256Hex(const std::string& data) {
  Sha256 sha;
  sha.update(data);
  return sha.hex();
}

}  // namespace cqpm
