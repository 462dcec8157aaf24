#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "auth/hashing_slots.h"

namespace cqpm::auth {

/// Cost of Argon2id. The defaults follow OWASP's minimum for Argon2id
/// (19 MiB, 2 passes, 1 lane); tests lower them to stay fast. The cost is
/// stored inside each hash, so raising it later keeps old hashes verifiable.
struct PasswordHashCost {
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t iterations = 2;
  std::uint32_t lanes = 1;
};

/// Slow salted password hashing (Argon2id, PHC string format). Every hash and
/// verification runs in one of `slots` (copies of a hasher share them), so a
/// flood of logins cannot take more than slots x memory cost, nor every core.
/// Thread-safe.
class PasswordHasher {
 public:
  /// `slots` null: a cap of its own, of HashingSlots::defaultSlots().
  explicit PasswordHasher(PasswordHashCost cost = {}, std::shared_ptr<HashingSlots> slots = nullptr);

  /// A PHC string ("$argon2id$v=19$m=...,t=...,p=...$salt$hash") with a fresh random salt.
  /// Error{kUnavailable, details.retry_after} when no slot frees in time.
  std::string hash(const std::string& password) const;
  /// True when `password` matches `encoded`; false for a wrong password, or at
  /// once for a malformed hash (callers wanting constant time verify a decoy).
  /// Error{kUnavailable, details.retry_after} when no slot frees in time.
  bool verify(const std::string& password, const std::string& encoded) const;

  const PasswordHashCost& cost() const { return cost_; }
  HashingSlots& slots() const { return *slots_; }

 private:
  PasswordHashCost cost_;
  std::shared_ptr<HashingSlots> slots_;
};

}  // namespace cqpm::auth
