#include "domain/role.h"

#include <array>
#include <utility>

namespace cqpm::domain {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kRoleNames{{
    {Role::kCentreCoordinator, "centre_coordinator"},
    {Role::kCompanyTutor, "company_tutor"},
    {Role::kCandidate, "candidate"},
    {Role::kEvaluator, "evaluator"},
    {Role::kJuryMember, "jury_member"},
    {Role::kGtpAuditor, "gtp_auditor"},
    {Role::kAdmin, "admin"},
}};

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 4> kKindNames{{
    {OrganisationKind::kCentre, "centre"},
    {OrganisationKind::kCompany, "company"},
    {OrganisationKind::kGtp, "gtp"},
    {OrganisationKind::kPlatform, "platform"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [entry, entry_name] : table) {
    if (entry_name == name) return entry;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<College, std::string_view>, 2> kCollegeNames{{
    {College::kEmployer, "employer"},
    {College::kEmployee, "employee"},
}};

}  // namespace

std::string_view roleName(Role role) { return nameOf(kRoleNames, role); }
std::optional<Role> parseRole(std::string_view name) { return parse(kRoleNames, name); }
std::string_view collegeName(College college) { return nameOf(kCollegeNames, college); }
std::optional<College> parseCollege(std::string_view name) { return parse(kCollegeNames, name); }
std::string_view organisationKindName(OrganisationKind kind) { return nameOf(kKindNames, kind); }
std::optional<OrganisationKind> parseOrganisationKind(std::string_view name) { return parse(kKindNames, name); }

}  // namespace cqpm::domain
