#include "access/policy.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/error.h"

// The policy table read as a person would: who may do what, who administers whom.

namespace cqpm::access {
namespace {

using domain::Actor;
using domain::Organisation;
using domain::OrganisationKind;
using domain::Role;

Actor actorOf(Role role, const std::string& organisation_id, OrganisationKind kind) {
  Actor actor;
  actor.user_id = "u-" + std::string(domain::roleName(role));
  actor.role = role;
  actor.organisation_id = organisation_id;
  actor.organisation_kind = kind;
  return actor;
}

Organisation organisation(const std::string& id, OrganisationKind kind,
                          std::vector<std::string> centres = {}) {
  Organisation result{id, kind, id};
  result.centre_ids = std::move(centres);
  return result;
}

TEST(PolicyTest, EveryPermissionHasANameAndAtLeastOneRole) {
  std::set<std::string_view> names;
  for (Permission permission : allPermissions()) {
    EXPECT_FALSE(permissionName(permission).empty());
    EXPECT_TRUE(names.insert(permissionName(permission)).second) << permissionName(permission);
    bool granted = false;
    for (Role role : domain::allRoles()) granted = granted || allows(role, permission);
    EXPECT_TRUE(granted) << permissionName(permission) << " is granted to nobody";
  }
}

TEST(PolicyTest, WalksTheTableRoleByRole) {
  // The expected grants, written out: a change to the table must change this test.
  const std::map<Role, std::set<std::string_view>> expected{
      {Role::kCentreCoordinator,
       {"create_file", "correct_file", "transfer_file", "decide_vae_admissibility", "plan_modalities",
        "set_deadlines", "form_commission", "upload_documents", "comment_on_files", "move_referential_pin",
        "convene_jury", "revoke_decision", "print_file_archive", "export_personal_data",
        "administer_organisations", "administer_accounts", "read_admin_log", "read_statistics",
        "report_holders"}},
      {Role::kCompanyTutor, {"upload_documents", "comment_on_files", "give_company_opinion"}},
      {Role::kCandidate, {"upload_documents", "comment_on_files"}},
      {Role::kEvaluator, {"evaluate", "comment_on_files"}},
      {Role::kJuryMember, {"comment_on_files"}},
      {Role::kGtpAuditor,
       {"print_file_archive", "propose_referential_change", "read_proposals", "clone_referentials",
        "oversee_juries", "read_statistics", "report_holders"}},
      {Role::kGtpAdmin, {"administer_accounts"}},
      {Role::kAdmin,
       {"comment_on_files", "read_proposals", "administer_organisations", "administer_accounts",
        "read_admin_log", "read_statistics"}},
  };
  for (Role role : domain::allRoles()) {
    std::set<std::string_view> granted;
    for (Permission permission : allPermissions()) {
      if (allows(role, permission)) granted.insert(permissionName(permission));
    }
    EXPECT_EQ(granted, expected.at(role)) << domain::roleName(role);
  }
}

TEST(PolicyTest, RequireRefusesWithForbidden) {
  const Actor tutor = actorOf(Role::kCompanyTutor, "company", OrganisationKind::kCompany);
  try {
    require(tutor, Permission::kCreateFile, "open a file");
    FAIL() << "a tutor opened a file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kForbidden);
    EXPECT_NE(std::string(e.what()).find("open a file"), std::string::npos);
  }
  EXPECT_NO_THROW(require(actorOf(Role::kCentreCoordinator, "c1", OrganisationKind::kCentre),
                          Permission::kCreateFile, "open a file"));
}

TEST(PolicyTest, EveryRoleBelongsToOneKindOfOrganisation) {
  EXPECT_EQ(organisationKindFor(Role::kCentreCoordinator), OrganisationKind::kCentre);
  EXPECT_EQ(organisationKindFor(Role::kEvaluator), OrganisationKind::kCentre);
  EXPECT_EQ(organisationKindFor(Role::kJuryMember), OrganisationKind::kCentre);
  EXPECT_EQ(organisationKindFor(Role::kCandidate), OrganisationKind::kCentre);
  EXPECT_EQ(organisationKindFor(Role::kCompanyTutor), OrganisationKind::kCompany);
  EXPECT_EQ(organisationKindFor(Role::kGtpAuditor), OrganisationKind::kGtp);
  EXPECT_EQ(organisationKindFor(Role::kGtpAdmin), OrganisationKind::kGtp);
  EXPECT_EQ(organisationKindFor(Role::kAdmin), OrganisationKind::kPlatform);
}

// Who administers accounts of which role where: one row per case.
struct AccountCase {
  const char* name;
  Role manager;
  const char* manager_organisation;
  OrganisationKind manager_kind;
  Role target;
  Organisation target_organisation;
  bool allowed;
};

class AccountRulesTest : public ::testing::TestWithParam<AccountCase> {};

TEST_P(AccountRulesTest, DecidesAsTheTableSays) {
  const AccountCase& c = GetParam();
  const Actor manager = actorOf(c.manager, c.manager_organisation, c.manager_kind);
  EXPECT_EQ(mayAdministerAccount(manager, c.target, c.target_organisation), c.allowed) << c.name;
}

const Organisation kCentre1 = organisation("c1", OrganisationKind::kCentre);
const Organisation kCentre2 = organisation("c2", OrganisationKind::kCentre);
const Organisation kCompanyOf1 = organisation("co1", OrganisationKind::kCompany, {"c1"});
const Organisation kCompanyOf2 = organisation("co2", OrganisationKind::kCompany, {"c2"});
const Organisation kGtp = organisation("gtp", OrganisationKind::kGtp);
const Organisation kPlatform = organisation("p", OrganisationKind::kPlatform);
constexpr auto kC = OrganisationKind::kCentre;

INSTANTIATE_TEST_SUITE_P(
    Cases, AccountRulesTest,
    ::testing::Values(AccountCase{"admin_creates_coordinator", Role::kAdmin, "p", OrganisationKind::kPlatform,
                                  Role::kCentreCoordinator, kCentre2, true},
                      AccountCase{"admin_creates_auditor", Role::kAdmin, "p", OrganisationKind::kPlatform,
                                  Role::kGtpAuditor, kGtp, true},
                      AccountCase{"admin_creates_admin", Role::kAdmin, "p", OrganisationKind::kPlatform,
                                  Role::kAdmin, kPlatform, true},
                      AccountCase{"admin_cannot_put_tutor_in_centre", Role::kAdmin, "p",
                                  OrganisationKind::kPlatform, Role::kCompanyTutor, kCentre1, false},
                      AccountCase{"coordinator_creates_own_evaluator", Role::kCentreCoordinator, "c1", kC,
                                  Role::kEvaluator, kCentre1, true},
                      AccountCase{"coordinator_creates_own_jury_member", Role::kCentreCoordinator, "c1", kC,
                                  Role::kJuryMember, kCentre1, true},
                      AccountCase{"coordinator_creates_own_candidate", Role::kCentreCoordinator, "c1", kC,
                                  Role::kCandidate, kCentre1, true},
                      AccountCase{"coordinator_not_in_other_centre", Role::kCentreCoordinator, "c1", kC,
                                  Role::kEvaluator, kCentre2, false},
                      AccountCase{"coordinator_not_other_coordinators", Role::kCentreCoordinator, "c1", kC,
                                  Role::kCentreCoordinator, kCentre1, false},
                      AccountCase{"coordinator_creates_tutor_of_partner", Role::kCentreCoordinator, "c1", kC,
                                  Role::kCompanyTutor, kCompanyOf1, true},
                      AccountCase{"coordinator_not_tutor_of_stranger", Role::kCentreCoordinator, "c1", kC,
                                  Role::kCompanyTutor, kCompanyOf2, false},
                      AccountCase{"coordinator_not_auditor", Role::kCentreCoordinator, "c1", kC,
                                  Role::kGtpAuditor, kGtp, false},
                      AccountCase{"gtp_admin_creates_auditor", Role::kGtpAdmin, "gtp", OrganisationKind::kGtp,
                                  Role::kGtpAuditor, kGtp, true},
                      AccountCase{"gtp_admin_not_evaluator", Role::kGtpAdmin, "gtp", OrganisationKind::kGtp,
                                  Role::kEvaluator, kCentre1, false},
                      AccountCase{"gtp_admin_not_gtp_admin", Role::kGtpAdmin, "gtp", OrganisationKind::kGtp,
                                  Role::kGtpAdmin, kGtp, false},
                      AccountCase{"auditor_administers_nobody", Role::kGtpAuditor, "gtp",
                                  OrganisationKind::kGtp, Role::kGtpAuditor, kGtp, false},
                      AccountCase{"tutor_administers_nobody", Role::kCompanyTutor, "co1",
                                  OrganisationKind::kCompany, Role::kCompanyTutor, kCompanyOf1, false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(PolicyTest, OrganisationsACoordinatorAdministersAndSees) {
  const Actor coordinator = actorOf(Role::kCentreCoordinator, "c1", kC);
  EXPECT_TRUE(mayAdministerOrganisation(coordinator, kCompanyOf1));
  EXPECT_FALSE(mayAdministerOrganisation(coordinator, kCompanyOf2));
  EXPECT_FALSE(mayAdministerOrganisation(coordinator, kCentre1));  // its own centre: the platform's
  EXPECT_TRUE(maySeeOrganisation(coordinator, kCentre1));
  EXPECT_TRUE(maySeeOrganisation(coordinator, kCompanyOf1));
  EXPECT_FALSE(maySeeOrganisation(coordinator, kCompanyOf2));
  EXPECT_FALSE(maySeeOrganisation(coordinator, kCentre2));
  const Actor admin = actorOf(Role::kAdmin, "p", OrganisationKind::kPlatform);
  for (const auto& any : {kCentre1, kCentre2, kCompanyOf1, kCompanyOf2, kGtp, kPlatform}) {
    EXPECT_TRUE(mayAdministerOrganisation(admin, any)) << any.id;
  }
  const Actor tutor = actorOf(Role::kCompanyTutor, "co1", OrganisationKind::kCompany);
  EXPECT_TRUE(maySeeOrganisation(tutor, kCompanyOf1));
  EXPECT_FALSE(mayAdministerOrganisation(tutor, kCompanyOf1));
  EXPECT_FALSE(maySeeOrganisation(tutor, kCentre1));
}

}  // namespace
}  // namespace cqpm::access
