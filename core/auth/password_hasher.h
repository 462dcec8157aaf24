#pragma once

#include <cstdint>
#include <string>

namespace cqpm::auth {

/// Cost of Argon2id. The defaults follow OWASP's minimum for Argon2id
/// (19 MiB, 2 passes, 1 lane); tests lower them to stay fast. The cost is
/// stored inside each hash, so raising it later keeps old hashes verifiable.
struct PasswordHashCost {
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t iterations = 2;
  std::uint32_t lanes = 1;
};

/// Slow salted password hashing (Argon2id, PHC string format). Thread-safe.
class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordHashCost cost = {}) : cost_(cost) {}

  /// A PHC string ("$argon2id$v=19$m=...,t=...,p=...$salt$hash") with a fresh random salt.
  std::string hash(const std::string& password) const;
  /// True when `password` matches `encoded`; false for a wrong password or a malformed hash.
  bool verify(const std::string& password, const std::string& encoded) const;

 private:
  PasswordHashCost cost_;
};

}  // namespace cqpm::auth
