#include "common/chain_hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace cqpm {

std::string chainHash(const std::vector<std::string>& fields) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  for (const auto& value : fields) {
    sha.update(std::to_string(value.size()) + ":");
    sha.update(value);
  }
  return Poco::DigestEngine::digestToHex(sha.digest());
}

const std::string& genesisHash() {
  static const std::string kGenesis(64, '0');
  return kGenesis;
}

}  // namespace cqpm
