#pragma once

#include <string>
#include <vector>

namespace cqpm {

/// Lower-case hex SHA-256 of `fields`, each prefixed by its length ("5:hello"),
/// so that no two different lists hash the same input. The links of every
/// hash chain (file events, the administration log) are made with it.
std::string chainHash(const std::vector<std::string>& fields);

/// The previous hash of a chain's first link: 64 zeros.
const std::string& genesisHash();

}  // namespace cqpm
