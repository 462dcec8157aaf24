#include "domain/role.h"

#include "common/enum_names.h"

namespace cqpm::domain {
namespace {

constexpr EnumNames<Role, 8> kRoleNames{{
    {Role::kCentreCoordinator, "centre_coordinator"},
    {Role::kCompanyTutor, "company_tutor"},
    {Role::kCandidate, "candidate"},
    {Role::kEvaluator, "evaluator"},
    {Role::kJuryMember, "jury_member"},
    {Role::kGtpAuditor, "gtp_auditor"},
    {Role::kGtpAdmin, "gtp_admin"},
    {Role::kAdmin, "admin"},
}};

constexpr EnumNames<College, 2> kCollegeNames{{
    {College::kEmployer, "employer"},
    {College::kEmployee, "employee"},
}};

constexpr EnumNames<OrganisationKind, 4> kKindNames{{
    {OrganisationKind::kCentre, "centre"},
    {OrganisationKind::kCompany, "company"},
    {OrganisationKind::kGtp, "gtp"},
    {OrganisationKind::kPlatform, "platform"},
}};

}  // namespace

std::string_view roleName(Role role) { return enumName(kRoleNames, role); }
std::optional<Role> parseRole(std::string_view name) { return parseEnum(kRoleNames, name); }
std::string_view collegeName(College college) { return enumName(kCollegeNames, college); }
std::optional<College> parseCollege(std::string_view name) { return parseEnum(kCollegeNames, name); }
std::string_view organisationKindName(OrganisationKind kind) { return enumName(kKindNames, kind); }
std::optional<OrganisationKind> parseOrganisationKind(std::string_view name) {
  return parseEnum(kKindNames, name);
}
const std::vector<Role>& allRoles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> all;
    for (const auto& [role, name] : kRoleNames) all.push_back(role);
    return all;
  }();
  return roles;
}
bool roleHasCollege(Role role) { return role == Role::kJuryMember || role == Role::kGtpAuditor; }

}  // namespace cqpm::domain
