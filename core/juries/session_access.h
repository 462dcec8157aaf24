#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "store/database.h"
#include "store/jury_store.h"

namespace cqpm::juries {

/// A session as one actor reaches it: as the coordinator of its centre, as one
/// of its members, or as the GTP overseeing every centre's juries (read-only).
struct SessionSeat {
  store::JurySessionRecord session;
  std::vector<store::JuryMemberRecord> members;
  bool coordinator = false;                       ///< the actor coordinates the session's centre
  std::optional<store::JuryMemberRecord> member;  ///< the actor's own seat, when a member
  bool overseer = false;                          ///< the GTP: reads everything, acts on nothing
};

/// The session for `actor`: Error{kNotFound} when it does not exist or the
/// actor is neither its centre's coordinator nor one of its members (another
/// centre's session is indistinguishable from a missing one).
SessionSeat seatIn(store::SqlSession& sql, const domain::Actor& actor, const std::string& session_id);

/// Error{kForbidden} unless the actor coordinates the session's centre.
void requireCoordinator(const SessionSeat& seat, const std::string& what);

}  // namespace cqpm::juries
