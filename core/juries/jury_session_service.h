#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "files/transition_service.h"
#include "juries/jury_records.h"
#include "juries/outcome_proposal.h"
#include "notifications/notification_service.h"
#include "store/database.h"

namespace cqpm::juries {

/// A new session: a day (YYYY-MM-DD), an hour (HH:MM, Paris time) and a place.
struct NewJurySession {
  std::string date;
  std::string time;
  std::string place;
};

/// An invitation: a jury_member account (its college comes from the account)
/// and the company the member comes from, if any.
struct NewJuryMember {
  std::string user_id;
  std::optional<std::string> company_id;
};

/// Paritary jury sessions of a centre: the coordinator creates them, invites
/// members, records attendance, adds files that are ready for the jury, and
/// opens the deliberation once both colleges are present (which moves each file
/// to in_deliberation through the workflow). Members see the sessions they sit
/// on. Any other session is a 404. Thread-safe.
class JurySessionService {
 public:
  JurySessionService(store::Database& db, files::TransitionService& transitions, OutcomeProposer& proposer,
                     const notifications::NotificationService& notifications, Clock clock)
      : db_(db),
        transitions_(transitions),
        proposer_(proposer),
        notifications_(notifications),
        clock_(std::move(clock)) {}

  /// A planned session of the coordinator's centre. Error{kForbidden} for anyone
  /// but a centre coordinator; Error{kInvalidField} "date" or "place".
  JurySessionView create(const domain::Actor& actor, const NewJurySession& session);
  /// The centre's sessions (coordinator) or the member's own (jury member),
  /// latest first; Error{kForbidden} for other roles.
  std::vector<store::JurySessionRecord> list(const domain::Actor& actor);
  /// The session with its members, files (bench, proposal, decision), president,
  /// signatures and errata; the invitable members for its coordinator.
  JurySessionView get(const domain::Actor& actor, const std::string& session_id);

  /// Membership and attendance are frozen once the deliberation is open: both
  /// refuse with Error{kInvalidState, "state"} then.
  /// Invites a member (coordinator), who is told by a notification (and by e-mail
  /// when SMTP is configured): the convocation, with the day, hour and place.
  /// Error{kInvalidField} "user_id" (not an active
  /// jury member of this centre, or without a college) or "company_id" (not a
  /// company); Error{kConflict} "user_id" when already a member.
  JurySessionView addMember(const domain::Actor& actor, const std::string& session_id,
                            const NewJuryMember& member);
  /// Records whether a member is present (coordinator). Error{kNotFound} for a non-member.
  JurySessionView setAttendance(const domain::Actor& actor, const std::string& session_id,
                                const std::string& user_id, bool present);
  /// Adds a file of the centre that is ready_for_jury (coordinator).
  /// Error{kNotFound} "file_id" outside the centre; Error{kInvalidState} when the
  /// file is not ready_for_jury; Error{kConflict} when it is already in a session.
  /// In a session already open, the file moves to in_deliberation at once.
  JurySessionView addFile(const domain::Actor& actor, const std::string& session_id,
                          const std::string& file_id);
  /// Opens the deliberation (coordinator), on the session's day or later (Paris
  /// time; Error{kInvalidState, "date"} before): at least one PRESENT member of each
  /// college, else Error{kInvalidState, field "quorum", details.missing_colleges};
  /// Error{kInvalidState, field "state"} if already open. Each of the session's
  /// files still ready_for_jury fires open_deliberation, in the same transaction.
  JurySessionView open(const domain::Actor& actor, const std::string& session_id);

 private:
  store::Database& db_;
  files::TransitionService& transitions_;
  OutcomeProposer& proposer_;
  const notifications::NotificationService& notifications_;
  Clock clock_;
};

}  // namespace cqpm::juries
