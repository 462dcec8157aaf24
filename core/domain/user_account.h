#pragma once

#include <optional>
#include <string>

#include "domain/role.h"

namespace cqpm::domain {

/// A stored account. `password_hash` is an Argon2id PHC string, never a password.
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
};

}  // namespace cqpm::domain
