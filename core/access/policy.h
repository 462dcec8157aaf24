#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/organisation.h"

namespace cqpm::access {

/// Who may do what: every role check of core reads this one table
/// (policy.cpp), the way routes.cpp is the one table of routes. Which files an
/// actor sees is file_scope.h; which accounts and organisations they
/// administer is the second table below.
enum class Permission {
  // Candidate files
  kCreateFile,              ///< open a file for the centre (and import candidates)
  kCorrectFile,             ///< correct a candidate's identity and registration answers
  kTransferFile,            ///< propose, accept or refuse a transfer between centres
  kDecideVaeAdmissibility,  ///< record whether a VAE application is admissible
  kPlanModalities,          ///< edit the evaluation modality plan
  kSetDeadlines,            ///< set and extend report deadlines
  kFormCommission,          ///< choose a file's evaluation commission
  kEvaluate,                ///< write and sign the evaluation grid (commission members)
  kUploadDocuments,         ///< upload reports and evidence to a file in scope
  kCommentOnFiles,          ///< comment on a file in scope (everyone who works on it; the GTP only reads)
  kGiveCompanyOpinion,      ///< write and sign the company opinion (the file's company)
  kMoveReferentialPin,      ///< move a registered file to the referential version in force
  kConveneJury,             ///< create jury sessions, invite members, add files, open them
  kRevokeDecision,          ///< revoke a jury decision
  kPrintFileArchive,  ///< print a file's complete archive (identity, plan, grid, opinion, decision, history)
  kExportPersonalData,  ///< export everything about one candidate (RGPD right of access), for the centre
  kReportHolders,  ///< report certified holders to the Caisse des Dépôts (Accrochage): a centre's, or all for
                   ///< the GTP
  kOverseeJuries,   ///< read every centre's jury sessions, decisions, minutes and awards (the GTP)
  kReadStatistics,  ///< read the figures of the files (a coordinator: their centre's; others: all)
  // Referentials
  kProposeReferentialChange,  ///< propose, approve, reject and publish (GTP auditors)
  kReadProposals,             ///< read the GTP's proposals
  kCloneReferentials,         ///< clone the referential repository over HTTP
  // Administration
  kAdministerOrganisations,  ///< create, edit, deactivate organisations (within the scope below)
  kAdministerAccounts,       ///< create, edit, invite, deactivate accounts (within the scope below)
  kReadAdminLog,             ///< read the administration log (a coordinator: their centre's)
};

/// Stable name of a permission ("create_file"), for messages and tests.
std::string_view permissionName(Permission permission);
/// Every permission, in declaration order.
const std::vector<Permission>& allPermissions();

/// True when the table grants `permission` to `role`. Pure.
bool allows(domain::Role role, Permission permission);

/// Throws Error{kForbidden} naming `what` (e.g. "open a file") unless the
/// actor's role has `permission`.
void require(const domain::Actor& actor, Permission permission, std::string_view what);

/// How far an administrator's reach goes.
enum class AdminReach {
  kEverywhere,         ///< any organisation (platform administrators)
  kOwnOrganisation,    ///< the manager's own organisation only
  kCompaniesOfCentre,  ///< companies working with the manager's centre
};

/// A row of the administration table: `manager` may administer accounts of
/// role `target` (or organisations of kind `kind`) within `reach`.
struct AccountRule {
  domain::Role manager;
  domain::Role target;
  AdminReach reach;
};
struct OrganisationRule {
  domain::Role manager;
  domain::OrganisationKind kind;
  AdminReach reach;
};

/// The administration tables, for the pages (what may I create?) and tests.
const std::vector<AccountRule>& accountRules();
const std::vector<OrganisationRule>& organisationRules();

/// The kind of organisation an account of `role` belongs to (a coordinator to
/// a centre, a tutor to a company, a candidate to the centre that registered
/// them first, an auditor to the GTP, an administrator to the platform).
domain::OrganisationKind organisationKindFor(domain::Role role);

/// True when `manager` may administer the organisation `target` (a company:
/// with its centre_ids filled). Pure.
bool mayAdministerOrganisation(const domain::Actor& manager, const domain::Organisation& target);

/// True when `manager` may create, edit, invite or deactivate an account of
/// `role` in the organisation `organisation` (a company: with its centre_ids
/// filled). Pure; the account services add that nobody deactivates or
/// re-roles their own account.
bool mayAdministerAccount(const domain::Actor& manager, domain::Role role,
                          const domain::Organisation& organisation);

/// True when `viewer` may read the organisation `target` (its card, its
/// accounts if they administer them): their own, and what they administer. Pure.
bool maySeeOrganisation(const domain::Actor& viewer, const domain::Organisation& target);

}  // namespace cqpm::access
