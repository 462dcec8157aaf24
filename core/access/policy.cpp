#include "access/policy.h"

#include <algorithm>

#include "common/enum_names.h"
#include "common/error.h"

namespace cqpm::access {

using domain::OrganisationKind;
using domain::Role;
using enum Role;

namespace {

struct PermissionRow {
  Permission permission;
  std::string_view name;
  std::vector<Role> roles;
};

// The table: read a row as "<permission> is granted to <roles>". Scopes (which
// files, which organisations) are decided by file_scope and the rules below.
const std::vector<PermissionRow>& permissionTable() {
  using enum Permission;
  static const std::vector<PermissionRow> table{
      {kCreateFile, "create_file", {kCentreCoordinator}},
      {kCorrectFile, "correct_file", {kCentreCoordinator}},
      {kTransferFile, "transfer_file", {kCentreCoordinator}},
      {kDecideVaeAdmissibility, "decide_vae_admissibility", {kCentreCoordinator}},
      {kPlanModalities, "plan_modalities", {kCentreCoordinator}},
      {kSetDeadlines, "set_deadlines", {kCentreCoordinator}},
      {kFormCommission, "form_commission", {kCentreCoordinator}},
      {kEvaluate, "evaluate", {kEvaluator}},
      {kUploadDocuments, "upload_documents", {kCentreCoordinator, kCompanyTutor, kCandidate}},
      {kCommentOnFiles,
       "comment_on_files",
       {kCentreCoordinator, kEvaluator, kJuryMember, kCompanyTutor, kCandidate, kAdmin}},
      {kGiveCompanyOpinion, "give_company_opinion", {kCompanyTutor}},
      {kMoveReferentialPin, "move_referential_pin", {kCentreCoordinator}},
      {kConveneJury, "convene_jury", {kCentreCoordinator}},
      {kRevokeDecision, "revoke_decision", {kCentreCoordinator}},
      {kPrintFileArchive, "print_file_archive", {kCentreCoordinator, kGtpAuditor}},
      {kExportPersonalData, "export_personal_data", {kCentreCoordinator}},
      {kReportHolders, "report_holders", {kCentreCoordinator, kGtpAuditor}},
      {kOverseeJuries, "oversee_juries", {kGtpAuditor}},
      {kReadStatistics, "read_statistics", {kCentreCoordinator, kGtpAuditor, kAdmin}},
      {kProposeReferentialChange, "propose_referential_change", {kGtpAuditor}},
      {kReadProposals, "read_proposals", {kGtpAuditor, kAdmin}},
      {kCloneReferentials, "clone_referentials", {kGtpAuditor}},
      {kAdministerOrganisations, "administer_organisations", {kAdmin, kCentreCoordinator}},
      {kAdministerAccounts, "administer_accounts", {kAdmin, kCentreCoordinator, kGtpAdmin}},
      {kReadAdminLog, "read_admin_log", {kAdmin, kCentreCoordinator}},
  };
  return table;
}

const PermissionRow& rowOf(Permission permission) {
  for (const auto& row : permissionTable()) {
    if (row.permission == permission) return row;
  }
  throw Error(ErrorCode::kInternal, "permission missing from the policy table");
}

bool worksWithCentre(const domain::Organisation& company, const std::string& centre_id) {
  return std::find(company.centre_ids.begin(), company.centre_ids.end(), centre_id) !=
         company.centre_ids.end();
}

bool withinReach(const domain::Actor& manager, AdminReach reach, const domain::Organisation& target) {
  switch (reach) {
    case AdminReach::kEverywhere:
      return true;
    case AdminReach::kOwnOrganisation:
      return target.id == manager.organisation_id;
    case AdminReach::kCompaniesOfCentre:
      return target.kind == OrganisationKind::kCompany &&
             manager.organisation_kind == OrganisationKind::kCentre &&
             worksWithCentre(target, manager.organisation_id);
  }
  return false;
}

}  // namespace

std::string_view permissionName(Permission permission) { return rowOf(permission).name; }

const std::vector<Permission>& allPermissions() {
  static const std::vector<Permission> all = [] {
    std::vector<Permission> permissions;
    for (const auto& row : permissionTable()) permissions.push_back(row.permission);
    return permissions;
  }();
  return all;
}

bool allows(Role role, Permission permission) {
  const auto& roles = rowOf(permission).roles;
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

void require(const domain::Actor& actor, Permission permission, std::string_view what) {
  if (!allows(actor.role, permission)) {
    throw Error(ErrorCode::kForbidden,
                "a " + std::string(domain::roleName(actor.role)) + " may not " + std::string(what));
  }
}

// Who administers whom: read a row as "<manager> administers <target> accounts
// within <reach>". The platform administrator administers every account.
const std::vector<AccountRule>& accountRules() {
  using enum AdminReach;
  static const std::vector<AccountRule> rules = [] {
    std::vector<AccountRule> all;
    for (Role role : domain::allRoles()) all.push_back({kAdmin, role, kEverywhere});
    for (const AccountRule& rule : std::vector<AccountRule>{
             {kCentreCoordinator, kEvaluator, kOwnOrganisation},
             {kCentreCoordinator, kJuryMember, kOwnOrganisation},
             {kCentreCoordinator, kCandidate, kOwnOrganisation},
             {kCentreCoordinator, kCompanyTutor, kCompaniesOfCentre},
             {kGtpAdmin, kGtpAuditor, kOwnOrganisation},
         }) {
      all.push_back(rule);
    }
    return all;
  }();
  return rules;
}

const std::vector<OrganisationRule>& organisationRules() {
  using enum AdminReach;
  static const std::vector<OrganisationRule> rules{
      {kAdmin, OrganisationKind::kCentre, kEverywhere},
      {kAdmin, OrganisationKind::kCompany, kEverywhere},
      {kAdmin, OrganisationKind::kGtp, kEverywhere},
      {kAdmin, OrganisationKind::kPlatform, kEverywhere},
      {kCentreCoordinator, OrganisationKind::kCompany, kCompaniesOfCentre},
  };
  return rules;
}

OrganisationKind organisationKindFor(Role role) {
  switch (role) {
    case kCentreCoordinator:
    case kEvaluator:
    case kJuryMember:
    case kCandidate:
      return OrganisationKind::kCentre;
    case kCompanyTutor:
      return OrganisationKind::kCompany;
    case kGtpAuditor:
    case kGtpAdmin:
      return OrganisationKind::kGtp;
    case kAdmin:
      return OrganisationKind::kPlatform;
  }
  return OrganisationKind::kPlatform;
}

bool mayAdministerOrganisation(const domain::Actor& manager, const domain::Organisation& target) {
  if (!allows(manager.role, Permission::kAdministerOrganisations)) return false;
  return std::any_of(organisationRules().begin(), organisationRules().end(),
                     [&](const OrganisationRule& rule) {
                       return rule.manager == manager.role && rule.kind == target.kind &&
                              withinReach(manager, rule.reach, target);
                     });
}

bool mayAdministerAccount(const domain::Actor& manager, Role role, const domain::Organisation& organisation) {
  if (!allows(manager.role, Permission::kAdministerAccounts)) return false;
  if (organisation.kind != organisationKindFor(role)) return false;
  return std::any_of(accountRules().begin(), accountRules().end(), [&](const AccountRule& rule) {
    return rule.manager == manager.role && rule.target == role &&
           withinReach(manager, rule.reach, organisation);
  });
}

bool maySeeOrganisation(const domain::Actor& viewer, const domain::Organisation& target) {
  if (target.id == viewer.organisation_id) return true;
  if (mayAdministerOrganisation(viewer, target)) return true;
  // A coordinator reads the companies working with the centre (to open files for them).
  return viewer.role == kCentreCoordinator && target.kind == OrganisationKind::kCompany &&
         worksWithCentre(target, viewer.organisation_id);
}

}  // namespace cqpm::access
