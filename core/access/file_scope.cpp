#include "access/file_scope.h"

namespace cqpm::access {

FileScope fileScopeFor(const domain::Actor& actor) {
  using domain::Role;
  switch (actor.role) {
    case Role::kAdmin:
      return {FileScope::Kind::kEverything, {}};
    case Role::kEvaluator:
      // An evaluator sees only the files whose commission they sit on; the
      // commission is formed by the file's centre from its own evaluators.
      if (actor.organisation_kind == domain::OrganisationKind::kCentre) {
        return {FileScope::Kind::kCommission, actor.user_id};
      }
      return {FileScope::Kind::kNothing, {}};
    case Role::kJuryMember:
      // A jury member sees only the files of the sessions they were invited to
      // (by their centre); a conflict of interest is refused per action, not hidden.
      if (actor.organisation_kind == domain::OrganisationKind::kCentre) {
        return {FileScope::Kind::kJurySessions, actor.user_id};
      }
      return {FileScope::Kind::kNothing, {}};
    case Role::kCentreCoordinator:
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
      // The paritary group under whose control the juries decide reads, to audit a decision, every
      // file that went before one (any centre), and no other: nothing of a file still in evaluation.
      return {FileScope::Kind::kJuryOverseen, {}};
    case Role::kGtpAdmin:
      return {FileScope::Kind::kNothing, {}};
  }
  return {FileScope::Kind::kNothing, {}};
}

}  // namespace cqpm::access
