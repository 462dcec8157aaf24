#include "juries/jury_session_service.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/iso_date.h"
#include "common/json_text.h"
#include "deadlines/paris_time.h"
#include "files/file_events.h"
#include "juries/jury_bench.h"
#include "juries/session_access.h"
#include "store/account_store.h"
#include "store/award_store.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"
#include "store/jury_closing_store.h"
#include "store/jury_decision_store.h"
#include "store/jury_store.h"
#include "store/organisation_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::juries {

using Poco::JSON::Object;
using store::SqlSession;

namespace {

using workflow::states::kReadyForJury;
using workflow::transitions::kOpenDeliberation;

// "HH:MM", 00:00 to 23:59.
bool isClockTime(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (const std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return text.substr(0, 2) <= "23" && text.substr(3, 2) <= "59";
}

// Once the deliberation is open, who sits and who is present is what the
// minutes record: changing it afterwards would rewrite them silently.
void requirePlanned(const SessionSeat& seat) {
  if (seat.session.state != "planned") {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("message_fr",
                 "La délibération est ouverte : la composition et les présences du jury ne changent plus.");
    throw Error(ErrorCode::kInvalidState,
                "the deliberation is open: the jury's membership and attendance are frozen", "state",
                details);
  }
}

bool isCentreCoordinator(const domain::Actor& actor) {
  return access::allows(actor.role, access::Permission::kConveneJury) &&
         actor.organisation_kind == domain::OrganisationKind::kCentre;
}

const store::CandidateFileView& requireFile(const std::optional<store::CandidateFileView>& file,
                                            const std::string& file_id) {
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id, "file_id");
  return *file;
}

// Moves one file of an open session into deliberation, in the caller's transaction.
void openDeliberation(SqlSession& sql, files::TransitionService& transitions, const domain::Actor& actor,
                      const store::CandidateFileView& file, const std::string& session_id,
                      std::vector<std::string>& fired) {
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  payload->set("session_id", session_id);
  transitions.fireIn(sql, actor, {file.file.id, kOpenDeliberation, file.file.version, payload});
  fired.emplace_back(kOpenDeliberation);
}

SessionFile sessionFile(SqlSession& sql, OutcomeProposer& proposer, const SessionSeat& seat,
                        const store::CandidateFileView& view) {
  const domain::CandidateFile& file = view.file;
  SessionFile item;
  item.file = view;
  const auto referential = proposer.rules().referentialFor(file);
  item.cqpm_title = referential ? referential->title : file.cqpm;
  item.bench = benchFor(seat.members, file);
  for (auto& decision : store::jury_decision_store::forFile(sql, file.id)) {
    if (decision.session_id == seat.session.id) item.decision = DecisionView{std::move(decision), {}};
  }
  if (item.decision) item.decision->awards = store::award_store::forDecision(sql, item.decision->decision.id);

  const bool conflicted = seat.member && hasConflictOfInterest(*seat.member, file);
  if (file.state == workflow::states::kInDeliberation && !conflicted) {
    try {
      item.proposal = proposer.propose(sql, file, seat.session.session_date);
    } catch (const Error& e) {
      // One CQPM's failing rules must not hide the whole session page.
      if (e.code() != ErrorCode::kPluginFailed) throw;
      item.proposal_error = e.what();
    }
  }
  return item;
}

}  // namespace

JurySessionView JurySessionService::create(const domain::Actor& actor, const NewJurySession& session) {
  if (!isCentreCoordinator(actor)) {
    throw Error(ErrorCode::kForbidden, "only a centre coordinator convenes a jury session");
  }
  if (!parseIsoDate(session.date)) throw Error(ErrorCode::kInvalidField, "date must be YYYY-MM-DD", "date");
  if (!isClockTime(session.time)) {
    throw Error(ErrorCode::kInvalidField, "time must be HH:MM (Paris time), from 00:00 to 23:59", "time");
  }
  if (isBlank(session.place)) throw Error(ErrorCode::kInvalidField, "place must not be blank", "place");
  // A session is convened ahead: its deliberation opens on its day, which a past day never is again.
  if (const std::string today = deadlines::parisDateOf(clock_()); session.date < today) {
    throw Error(ErrorCode::kUnprocessable,
                "date is past: a session is convened for today or later (" + today + ")", "date");
  }
  store::JurySessionRecord record;
  record.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  record.centre_id = actor.organisation_id;
  record.centre_name = actor.organisation_name;
  record.session_date = session.date;
  record.session_time = session.time;
  record.place = session.place;
  record.state = "planned";
  record.created_by = actor.user_id;
  record.created_at = nowIso8601(clock_);
  db_.write([&](SqlSession& sql) { store::jury_store::insertSession(sql, record); });
  return get(actor, record.id);
}

std::vector<store::JurySessionRecord> JurySessionService::list(const domain::Actor& actor) {
  std::vector<store::JurySessionRecord> sessions;
  if (isCentreCoordinator(actor)) {
    sessions = db_.read(
        [&](SqlSession& sql) { return store::jury_store::listForCentre(sql, actor.organisation_id); });
  } else if (actor.role == domain::Role::kJuryMember) {
    sessions =
        db_.read([&](SqlSession& sql) { return store::jury_store::listForMember(sql, actor.user_id); });
  } else if (access::allows(actor.role, access::Permission::kOverseeJuries)) {
    sessions = db_.read([&](SqlSession& sql) { return store::jury_store::listAll(sql); });
  } else {
    throw Error(ErrorCode::kForbidden,
                "jury sessions are for the centre's coordinators and the jury's members");
  }
  return sessions;
}

JurySessionView JurySessionService::get(const domain::Actor& actor, const std::string& session_id) {
  return db_.read([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    JurySessionView view;
    view.session = seat.session;
    view.members = seat.members;
    view.missing_colleges = missingColleges(seat.members);
    for (const auto& file_id : store::jury_store::fileIds(sql, session_id)) {
      const auto file =
          store::candidate_file_store::find(sql, file_id, {access::FileScope::Kind::kEverything, {}});
      if (file) view.files.push_back(sessionFile(sql, proposer_, seat, *file));
    }
    // How the session ends: its president, the signatures of its minutes, its errata.
    for (const auto& member : seat.members) {
      if (seat.session.president_id && member.user_id == *seat.session.president_id) view.president = member;
    }
    view.signatures = store::jury_closing_store::signatures(sql, session_id);
    view.errata = store::jury_closing_store::errata(sql, session_id);
    if (seat.coordinator) {
      // Who the coordinator may invite: the centre's jury member accounts not
      // seated yet, with their college (it comes from the account).
      auto& available = view.available_members.emplace();
      for (const auto& user :
           store::account_store::listUsers(sql, seat.session.centre_id, domain::Role::kJuryMember)) {
        const bool seated = std::any_of(seat.members.begin(), seat.members.end(),
                                        [&](const auto& member) { return member.user_id == user.id; });
        if (seated || !user.college) continue;
        available.push_back({user.id, user.display_name, std::string(domain::collegeName(*user.college))});
      }
    }
    return view;
  });
}

JurySessionView JurySessionService::addMember(const domain::Actor& actor, const std::string& session_id,
                                              const NewJuryMember& member) {
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "invites the members of a jury session");
    requirePlanned(seat);
    const auto user = store::account_store::actorOfUser(sql, member.user_id);
    if (!user || user->role != domain::Role::kJuryMember || user->organisation_id != seat.session.centre_id) {
      throw Error(ErrorCode::kInvalidField, "user_id must be an active jury member account of this centre",
                  "user_id");
    }
    if (!user->college) {
      throw Error(ErrorCode::kInvalidField, "the jury member's account has no college (employer or employee)",
                  "user_id");
    }
    if (member.company_id) {
      const auto company = store::organisation_store::find(sql, *member.company_id);
      if (!company || company->kind != domain::OrganisationKind::kCompany) {
        throw Error(ErrorCode::kInvalidField, "company_id must be a company, or null", "company_id");
      }
    }
    if (std::any_of(seat.members.begin(), seat.members.end(),
                    [&](const auto& seated) { return seated.user_id == member.user_id; })) {
      throw Error(ErrorCode::kConflict, user->display_name + " is already a member of this session",
                  "user_id");
    }
    store::JuryMemberRecord record;
    record.session_id = session_id;
    record.user_id = member.user_id;
    record.college = std::string(domain::collegeName(*user->college));
    record.company_id = member.company_id;
    record.present = false;
    record.added_at = nowIso8601(clock_);
    store::jury_store::insertMember(sql, record);
    // The convocation: the member learns the day, the hour and the place.
    const auto& session = seat.session;
    notifications_.notify(sql, {member.user_id},
                          {"jury_convened", std::nullopt, "convocation:" + session_id + ":" + member.user_id,
                           "Convocation au jury paritaire",
                           "Vous êtes convoqué(e) au jury paritaire de " + session.centre_name + " le " +
                               deadlines::frenchDate(session.session_date) +
                               (session.session_time ? " à " + session.session_time->substr(0, 2) + " h " +
                                                           session.session_time->substr(3, 2)
                                                     : std::string()) +
                               " (heure de Paris), " + session.place + ".",
                           "/jurys/" + session_id},
                          record.added_at);
  });
  return get(actor, session_id);
}

JurySessionView JurySessionService::setAttendance(const domain::Actor& actor, const std::string& session_id,
                                                  const std::string& user_id, bool present) {
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "records the attendance of a jury session");
    requirePlanned(seat);
    if (!store::jury_store::setPresent(sql, session_id, user_id, present)) {
      throw Error(ErrorCode::kNotFound, "no member " + user_id + " in this session");
    }
  });
  return get(actor, session_id);
}

JurySessionView JurySessionService::addFile(const domain::Actor& actor, const std::string& session_id,
                                            const std::string& file_id) {
  std::vector<std::string> fired;
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "adds files to a jury session");
    const auto found = store::candidate_file_store::find(sql, file_id, access::fileScopeFor(actor));
    const store::CandidateFileView& file = requireFile(found, file_id);
    if (file.file.centre_id != seat.session.centre_id) {
      throw Error(ErrorCode::kNotFound, "no candidate file " + file_id, "file_id");
    }
    if (file.file.state != kReadyForJury) {
      throw Error(ErrorCode::kInvalidState,
                  "the file is " + file.file.state + ": only a file ready_for_jury goes to a jury session",
                  "file_id");
    }
    const auto sessions = store::jury_store::sessionsOfFile(sql, file_id);
    if (!sessions.empty()) {
      Object::Ptr details = new Object;
      details->set("session_id", sessions.front());
      throw Error(ErrorCode::kConflict,
                  sessions.front() == session_id ? "the file is already in this session"
                                                 : "the file is already in jury session " + sessions.front(),
                  "file_id", details);
    }
    const std::string now = nowIso8601(clock_);
    store::jury_store::addFile(sql, session_id, file_id, now);
    Object::Ptr payload = new Object;
    payload->set("session_id", session_id);
    payload->set("date", seat.session.session_date);
    payload->set("place", seat.session.place);
    store::event_store::append(sql,
                               files::sameStateEvent(file.file, actor, "add_to_jury_session", payload, now));
    if (seat.session.state == "open") openDeliberation(sql, transitions_, actor, file, session_id, fired);
  });
  for (const auto& transition : fired) transitions_.countFired(transition);
  return get(actor, session_id);
}

JurySessionView JurySessionService::open(const domain::Actor& actor, const std::string& session_id) {
  std::vector<std::string> fired;
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "opens the deliberation of a jury session");
    if (seat.session.state != "planned") {
      throw Error(ErrorCode::kInvalidState, "the deliberation of this session is already open", "state");
    }
    // Deliberation happens on the session's day (Paris), never before: the decisions are dated by it.
    const std::string today = deadlines::parisDateOf(clock_());
    if (today < seat.session.session_date) {
      Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
      details->set("session_date", seat.session.session_date);
      details->set("message_fr", "La délibération s'ouvre le jour de la session (" +
                                     deadlines::frenchDate(seat.session.session_date) + "), pas avant.");
      throw Error(
          ErrorCode::kInvalidState,
          "the deliberation opens on the session's day (" + seat.session.session_date + "), not before",
          "date", details);
    }
    if (const auto missing = missingColleges(seat.members); !missing.empty()) throw quorumError(missing);
    if (!store::jury_store::markOpen(sql, session_id, nowIso8601(clock_))) {
      throw Error(ErrorCode::kInvalidState, "the deliberation of this session is already open", "state");
    }
    const auto scope = access::fileScopeFor(actor);
    for (const auto& file_id : store::jury_store::fileIds(sql, session_id)) {
      const auto file = store::candidate_file_store::find(sql, file_id, scope);
      // A file withdrawn since it was added stays where it is.
      if (file && file->file.state == kReadyForJury) {
        openDeliberation(sql, transitions_, actor, *file, session_id, fired);
      }
    }
  });
  for (const auto& transition : fired) transitions_.countFired(transition);
  return get(actor, session_id);
}

}  // namespace cqpm::juries
