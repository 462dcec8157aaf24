#pragma once

#include <optional>
#include <string>

#include "domain/role.h"

namespace cqpm::domain {

/// Who is acting: the authenticated user as core's access rules and the
/// workflow's guards see them. A value type; copies are cheap enough.
struct Actor {
  std::string user_id;
  std::string login;
  std::string display_name;
  std::string email;
  Role role = Role::kCandidate;
  std::optional<College> college;  ///< jury_member and gtp_auditor only
  std::string organisation_id;
  std::string organisation_name;
  OrganisationKind organisation_kind = OrganisationKind::kPlatform;
};

}  // namespace cqpm::domain
