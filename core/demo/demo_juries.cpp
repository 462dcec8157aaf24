#include "demo/demo_juries.h"

#include <Poco/Logger.h>

#include "store/account_store.h"
#include "store/candidate_file_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::demo {

namespace {

domain::Actor actorOf(store::Database& db, const std::string& login) {
  return db.read([&](store::SqlSession& sql) {
    const auto user = store::account_store::findUserByLogin(sql, login);
    if (!user) throw Error(ErrorCode::kNotFound, "no demo account " + login);
    return *store::account_store::actorOfUser(sql, user->id);
  });
}

}  // namespace

void seedJuryDemo(store::Database& db, juries::JurySessionService& sessions,
                  juries::DecisionService& decisions, juries::SessionClosingService& closing,
                  const std::string& today) {
  try {
    const domain::Actor centre = actorOf(db, "centre");
    const domain::Actor employer = actorOf(db, "jury-employeur");
    const domain::Actor employee = actorOf(db, "jury-salarie");
    store::FileFilter filter;
    filter.name_query = "Thomas Blanc";
    filter.state = workflow::states::kReadyForJury;
    // Looked up on the writer's session: a pooled read session was seen here to
    // answer from a snapshot taken before seedDemo's last writes.
    const auto files = db.write([&](store::SqlSession& sql) {
      return store::candidate_file_store::list(
          sql, {access::FileScope::Kind::kCentre, centre.organisation_id}, filter, std::nullopt, 1);
    });
    if (files.empty()) {
      Poco::Logger::get("demo").warning("demo jury: Thomas Blanc's file is not ready for the jury");
      return;
    }
    const std::string file_id = files.front().file.id;
    const auto session =
        sessions.create(centre, {today, "09:30", "Centre UIMM Rhône-Alpes, salle du jury, Lyon"});
    const std::string session_id = session.session.id;
    for (const auto* member : {&employer, &employee}) {
      sessions.addMember(centre, session_id, {member->user_id, std::nullopt});
      sessions.setAttendance(centre, session_id, member->user_id, true);
    }
    sessions.addFile(centre, session_id, file_id);
    sessions.open(centre, session_id);
    juries::DecisionRequest decision;
    decision.outcome = "certified";
    const auto proposal = decisions.proposal(employer, session_id, file_id);
    if (proposal.proposal.outcome != "certified") {
      decision.reason = "Démonstration : le jury constate que toutes les compétences sont acquises.";
    }
    decisions.decide(employer, session_id, file_id, decision);
    // The session ends as a real one does: its president closes it, a member of each college signs the
    // minutes, the centre publishes the results (the certificate is issued then).
    closing.designatePresident(centre, session_id, employer.user_id);
    closing.close(employer, session_id);
    closing.sign(employer, session_id);
    closing.sign(employee, session_id);
    closing.publish(centre, session_id);
  } catch (const Error& e) {
    Poco::Logger::get("demo").warning("demo jury stops early: %s", std::string(e.what()));
  }
}

}  // namespace cqpm::demo
