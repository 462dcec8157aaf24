#pragma once

#include <optional>
#include <string>

#include "domain/role.h"

namespace cqpm::domain {

/// A stored account. `password_hash` is an Argon2id PHC string, never a
/// password; it is empty while an invited account has not chosen one.
struct UserAccount {
  std::string id;
  std::string login;
  std::string display_name;
  std::string email;
  std::string password_hash;
  Role role = Role::kCandidate;
  std::optional<College> college;
  std::string organisation_id;
  bool active = true;
  std::string created_at;
  std::string updated_at;

  bool passwordSet() const { return !password_hash.empty(); }
};

}  // namespace cqpm::domain
