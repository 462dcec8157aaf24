#include "juries/session_closing_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <set>

#include "access/file_scope.h"
#include "common/clock.h"
#include "common/text_fields.h"
#include "juries/decision_effects.h"
#include "juries/session_access.h"
#include "store/candidate_file_store.h"
#include "store/jury_closing_store.h"
#include "store/jury_decision_store.h"
#include "store/jury_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::juries {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using store::SqlSession;

[[noreturn]] void wrongState(const std::string& message, const std::string& message_fr,
                             const std::string& field = "state") {
  Object::Ptr details = new Object;
  details->set("message_fr", message_fr);
  throw Error(ErrorCode::kInvalidState, message, field, details);
}

// The actor's seat as a member present at the session, or kForbidden.
const store::JuryMemberRecord& presentMember(const SessionSeat& seat, const std::string& what) {
  if (!seat.member || !seat.member->present) {
    throw Error(ErrorCode::kForbidden, "only a member present at the session " + what, "present");
  }
  return *seat.member;
}

}  // namespace

JurySessionView SessionClosingService::designatePresident(const domain::Actor& actor,
                                                          const std::string& session_id,
                                                          const std::string& user_id) {
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "designates the president of a jury session");
    const bool member = std::any_of(seat.members.begin(), seat.members.end(),
                                    [&](const auto& m) { return m.user_id == user_id; });
    if (!member)
      throw Error(ErrorCode::kInvalidField, "the president is one of the session's members", "user_id");
    if (!store::jury_closing_store::setPresident(sql, session_id, user_id)) {
      wrongState("the session is closed: its president does not change any more",
                 "La session est close : son président ne change plus.");
    }
  });
  return view_(actor, session_id);
}

JurySessionView SessionClosingService::close(const domain::Actor& actor, const std::string& session_id) {
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    if (!seat.session.president_id) {
      wrongState("the coordinator designates the session's president first",
                 "Le coordinateur désigne d'abord le président de la session.", "president");
    }
    if (!seat.member || seat.member->user_id != *seat.session.president_id) {
      throw Error(ErrorCode::kForbidden, "only the session's president closes it");
    }
    presentMember(seat, "closes it");
    if (seat.session.state != "open") {
      wrongState("only an open session is closed (it is " + seat.session.state + ")",
                 "Seule une session dont la délibération est ouverte peut être close.");
    }
    Array::Ptr undecided = new Array;
    for (const auto& file_id : store::jury_store::fileIds(sql, session_id)) {
      const auto view =
          store::candidate_file_store::find(sql, file_id, {access::FileScope::Kind::kEverything, {}});
      if (view && view->file.state == workflow::states::kInDeliberation &&
          !store::jury_decision_store::activeForFile(sql, file_id)) {
        undecided->add(view->file.candidate.given_name + " " + view->file.candidate.family_name);
      }
    }
    if (undecided->size() > 0) {
      Object::Ptr details = new Object;
      details->set("undecided", undecided);
      details->set("message_fr", "Chaque dossier de la session doit être décidé avant de la clore.");
      throw Error(ErrorCode::kInvalidState, "every file of the session is decided before it is closed",
                  "files", details);
    }
    if (!store::jury_closing_store::markClosed(sql, session_id, nowIso8601(clock_))) {
      wrongState("the session was closed meanwhile", "La session vient d'être close.");
    }
  });
  return view_(actor, session_id);
}

JurySessionView SessionClosingService::sign(const domain::Actor& actor, const std::string& session_id) {
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    const auto& member = presentMember(seat, "signs its minutes");
    if (seat.session.state != "closed") {
      wrongState("the minutes are signed once the session is closed, before publication",
                 "Le procès-verbal se signe une fois la session close, avant la publication.");
    }
    if (!store::jury_closing_store::addSignature(
            sql, session_id, {member.user_id, member.display_name, member.college, nowIso8601(clock_)})) {
      throw Error(ErrorCode::kConflict, "you already signed these minutes", "signature");
    }
  });
  return view_(actor, session_id);
}

JurySessionView SessionClosingService::publish(const domain::Actor& actor, const std::string& session_id) {
  std::vector<std::string> fired;
  db_.write([&](SqlSession& sql) {
    fired.clear();  // a write may run more than once (Database::write)
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "publishes the results of a jury session");
    if (seat.session.state != "closed") {
      wrongState("only a closed session's results are published (it is " + seat.session.state + ")",
                 "Seuls les résultats d'une session close et signée sont publiés.");
    }
    std::set<std::string> signed_colleges;
    for (const auto& signature : store::jury_closing_store::signatures(sql, session_id)) {
      signed_colleges.insert(signature.college);
    }
    Array::Ptr missing = new Array;
    for (const char* college : {"employer", "employee"}) {
      if (!signed_colleges.count(college)) missing->add(std::string(college));
    }
    if (missing->size() > 0) {
      Object::Ptr details = new Object;
      details->set("missing_colleges", missing);
      details->set("message_fr", "Le procès-verbal doit être signé par un membre présent de chaque collège.");
      throw Error(ErrorCode::kInvalidState,
                  "the minutes need the signature of a present member of each college", "signatures",
                  details);
    }
    if (!store::jury_closing_store::markPublished(sql, session_id, nowIso8601(clock_))) {
      wrongState("the session was published meanwhile", "Les résultats viennent d'être publiés.");
    }
    for (const auto& decision : store::jury_decision_store::forSession(sql, session_id)) {
      if (decision.revoked_at) continue;
      const auto view = store::candidate_file_store::find(sql, decision.file_id,
                                                          {access::FileScope::Kind::kEverything, {}});
      if (!view || view->file.state != workflow::states::kInDeliberation) continue;  // withdrawn since
      fired.push_back(applyDecision(sql, transitions_, actor, decision, *view,
                                    *rules_.referentialFor(view->file), seat.session.session_date));
    }
  });
  for (const auto& transition : fired) transitions_.countFired(transition);
  return view_(actor, session_id);
}

JurySessionView SessionClosingService::addErratum(const domain::Actor& actor, const std::string& session_id,
                                                  const std::string& text) {
  requireText(text, "text", 2000, true);
  db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    requireCoordinator(seat, "records an erratum");
    if (seat.session.state == "planned") {
      wrongState("before the deliberation opens, the session is simply edited: no erratum",
                 "Avant l'ouverture de la délibération, la session se modifie directement.");
    }
    store::jury_closing_store::addErratum(
        sql, {Poco::UUIDGenerator::defaultGenerator().createRandom().toString(), session_id, text,
              actor.user_id, actor.display_name, nowIso8601(clock_)});
  });
  return view_(actor, session_id);
}

}  // namespace cqpm::juries
