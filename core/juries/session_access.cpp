#include "juries/session_access.h"

#include "access/policy.h"

namespace cqpm::juries {

SessionSeat seatIn(store::SqlSession& sql, const domain::Actor& actor, const std::string& session_id) {
  auto session = store::jury_store::findSession(sql, session_id);
  if (!session) throw Error(ErrorCode::kNotFound, "no jury session " + session_id);
  SessionSeat seat{std::move(*session), store::jury_store::members(sql, session_id), false, std::nullopt,
                   false};
  seat.coordinator = access::allows(actor.role, access::Permission::kConveneJury) &&
                     actor.organisation_kind == domain::OrganisationKind::kCentre &&
                     actor.organisation_id == seat.session.centre_id;
  if (actor.role == domain::Role::kJuryMember) {
    for (const auto& member : seat.members) {
      if (member.user_id == actor.user_id) seat.member = member;
    }
  }
  seat.overseer = access::allows(actor.role, access::Permission::kOverseeJuries);
  if (!seat.coordinator && !seat.member && !seat.overseer)
    throw Error(ErrorCode::kNotFound, "no jury session " + session_id);
  return seat;
}

void requireCoordinator(const SessionSeat& seat, const std::string& what) {
  if (!seat.coordinator) {
    throw Error(ErrorCode::kForbidden, "only the centre's coordinator " + what);
  }
}

}  // namespace cqpm::juries
