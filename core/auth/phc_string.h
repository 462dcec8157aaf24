#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cqpm::auth {

/// An Argon2id hash as stored: its parameters, salt and hash, read from and
/// written to the PHC string format "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>"
/// (salt and hash in base64 without padding), byte for byte as libargon2's
/// own argon2id_hash_encoded writes it.
struct Argon2idHash {
  std::uint32_t version = 0x13;
  std::uint32_t memory_kib = 0;
  std::uint32_t iterations = 0;
  std::uint32_t lanes = 0;
  std::string salt;  ///< raw bytes
  std::string hash;  ///< raw bytes
};

/// The PHC string of `hash`.
std::string encodePhc(const Argon2idHash& hash);

/// The parts of a PHC string, or nullopt when it is not a well-formed Argon2id
/// one (another algorithm, a missing or non-numeric parameter, bad base64).
std::optional<Argon2idHash> decodePhc(const std::string& encoded);

}  // namespace cqpm::auth
