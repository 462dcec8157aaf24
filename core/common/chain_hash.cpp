#include "common/chain_hash.h"

#include "common/sha256.h"

namespace cqpm {

std::string chainHash(const std::vector<std::string>& fields) {
  Sha256 sha;
  for (const auto& value : fields) {
    sha.update(std::to_string(value.size()) + ":");
    sha.update(value);
  }
  return sha.hex();
}

const std::string& genesisHash() {
  static const std::string kGenesis(64, '0');
  return kGenesis;
}

}  // namespace cqpm
