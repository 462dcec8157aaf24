#include "auth/password_hasher.h"

#include <argon2.h>

#include <array>
#include <vector>

#include "common/error.h"
#include "common/random_bytes.h"

namespace cqpm::auth {
namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
}  // namespace

std::string PasswordHasher::hash(const std::string& password) const {
  const std::string salt = randomBytes(kSaltBytes);
  const std::size_t length =
      argon2_encodedlen(cost_.iterations, cost_.memory_kib, cost_.lanes, kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(length);
  const int rc =
      argon2id_hash_encoded(cost_.iterations, cost_.memory_kib, cost_.lanes, password.data(), password.size(),
                            salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    throw Error(ErrorCode::kInternal, std::string("password hashing failed: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool PasswordHasher::verify(const std::string& password, const std::string& encoded) const {
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace cqpm::auth
