#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cqpm::domain {

/// The roles of DESIGN.md. A user has exactly one role, within one organisation.
enum class Role {
  kCentreCoordinator,
  kCompanyTutor,
  kCandidate,
  kEvaluator,
  kJuryMember,
  kGtpAuditor,
  kGtpAdmin,  ///< administers the GTP's auditor accounts
  kAdmin,
};

/// Colleges of the paritary bodies (jury, GTP).
enum class College { kEmployer, kEmployee };

/// Kinds of organisation (tenants and others).
enum class OrganisationKind { kCentre, kCompany, kGtp, kPlatform };

std::string_view roleName(Role role);                  ///< "centre_coordinator", ...
std::optional<Role> parseRole(std::string_view name);  ///< nullopt for an unknown name
std::string_view collegeName(College college);         ///< "employer" | "employee"
std::optional<College> parseCollege(std::string_view name);
std::string_view organisationKindName(OrganisationKind kind);  ///< "centre" | "company" | "gtp" | "platform"
std::optional<OrganisationKind> parseOrganisationKind(std::string_view name);
/// Every role, in declaration order (tests walk the policy table with it).
const std::vector<Role>& allRoles();
/// Jury members and GTP auditors sit in a college; no other role does.
bool roleHasCollege(Role role);

}  // namespace cqpm::domain
