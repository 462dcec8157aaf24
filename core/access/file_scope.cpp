#include "access/file_scope.h"

namespace cqpm::access {

FileScope fileScopeFor(const domain::Actor& actor) {
  using domain::Role;
  switch (actor.role) {
    case Role::kAdmin:
      return {FileScope::Kind::kEverything, {}};
    case Role::kCentreCoordinator:
    case Role::kEvaluator:
    case Role::kJuryMember:
      // Evaluators and jury members belong to the centre that convenes them;
      // commissions and jury sessions will narrow this to their own files.
      if (actor.organisation_kind == domain::OrganisationKind::kCentre) {
        return {FileScope::Kind::kCentre, actor.organisation_id};
      }
      return {FileScope::Kind::kNothing, {}};
    case Role::kCompanyTutor:
      if (actor.organisation_kind == domain::OrganisationKind::kCompany) {
        return {FileScope::Kind::kCompany, actor.organisation_id};
      }
      return {FileScope::Kind::kNothing, {}};
    case Role::kCandidate:
      return {FileScope::Kind::kCandidate, actor.user_id};
    case Role::kGtpAuditor:
      return {FileScope::Kind::kNothing, {}};
  }
  return {FileScope::Kind::kNothing, {}};
}

}  // namespace cqpm::access
