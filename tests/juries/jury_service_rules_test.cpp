#include <Poco/JSON/Parser.h>

#include <functional>
#include <optional>

#include "juries/jury_fixture.h"
#include "store/account_store.h"

// The jury services' rules as their typed records show them, below the API:
// who may decide a file, which outcome a request gives, which refusal names
// which field. Tables of cases over one file in deliberation; the files are
// taken there through the real server, the services are the server's own.

namespace cqpm::testing {
namespace {

// A refusal as a test expects it: the error's code and the field it names.
struct Refusal {
  ErrorCode code;
  std::string field;
};

std::ostream& operator<<(std::ostream& out, const std::optional<Refusal>& refusal) {
  if (!refusal) return out << "accepted";
  return out << errorCodeName(refusal->code) << " on \"" << refusal->field << "\"";
}

bool operator==(const Refusal& a, const Refusal& b) { return a.code == b.code && a.field == b.field; }

// What `call` threw, or nothing when it passed.
std::optional<Refusal> refusalOf(const std::function<void()>& call) {
  try {
    call();
    return std::nullopt;
  } catch (const Error& e) {
    return Refusal{e.code(), e.field()};
  }
}

// The bloc indexes a decision froze ([{index, code, rncp_code, title}]).
std::vector<int> frozenBlocIndexes(const std::string& blocs_json) {
  return blocIndexes(Poco::JSON::Parser().parse(blocs_json).extract<Poco::JSON::Array::Ptr>());
}

class JuryServiceRulesTest : public JuryApiTest {
 protected:
  app::Server& server() const { return server_->server(); }

  domain::Actor actor(const std::string& login) const {
    return server().database().read([&](store::SqlSession& sql) {
      const auto user = store::account_store::findUserByLogin(sql, login);
      if (!user) throw Error(ErrorCode::kNotFound, "no account " + login);
      return *store::account_store::actorOfUser(sql, user->id);
    });
  }

  /// Another member seated in a session: their id, whether present, the company they come from.
  struct Seat {
    std::string user_id;
    bool present = true;
    std::optional<std::string> company_id;
  };

  /// A session of today with both demo members present and `extra` seated, holding `file`, opened
  /// through the service; returns what the opening answered.
  juries::JurySessionView openedSession(const std::string& file, const std::vector<Seat>& extra = {}) {
    auto& sessions = server().jurySessions();
    const domain::Actor centre = actor("centre");
    const std::string id = sessions.create(centre, {today(), "09:30", "Lyon, salle du jury"}).session.id;
    for (const auto& login : {"jury-employeur", "jury-salarie"}) {
      const std::string user = actor(login).user_id;
      sessions.addMember(centre, id, {user, std::nullopt});
      sessions.setAttendance(centre, id, user, true);
    }
    for (const auto& seat : extra) {
      sessions.addMember(centre, id, {seat.user_id, seat.company_id});
      sessions.setAttendance(centre, id, seat.user_id, seat.present);
    }
    sessions.addFile(centre, id, file);
    return sessions.open(centre, id);
  }
};

// Who may decide: a present member free of conflict, or the coordinator as the jury's secretary.
TEST_P(JuryServiceRulesTest, WhoMayDecideAFile) {
  const std::string file = readyFile("Qui");
  const std::string absent = addJuryAccount("jury-absent", "Paul Absent", domain::College::kEmployee);
  const std::string related = addJuryAccount("jury-lie", "Lise Liée", domain::College::kEmployer);
  const auto opened =
      openedSession(file, {{absent, false, std::nullopt}, {related, true, firstCompany(centre_)}});
  const std::string session = opened.session.id;
  ASSERT_EQ(opened.files.size(), 1u);
  // The related member comes from the candidate's company: they abstain on the file, the quorum holds.
  ASSERT_EQ(opened.files[0].bench.abstaining.size(), 1u);
  EXPECT_EQ(opened.files[0].bench.abstaining[0].user_id, related);
  EXPECT_TRUE(opened.files[0].bench.quorate());

  struct Case {
    std::string who;
    std::optional<Refusal> refusal;
  };
  const std::vector<Case> cases{
      {"jury-employeur", std::nullopt},
      {"jury-salarie", std::nullopt},
      {"centre", std::nullopt},  // the coordinator records the jury's decision as its secretary
      {"jury-absent", Refusal{ErrorCode::kForbidden, "present"}},
      {"jury-lie", Refusal{ErrorCode::kForbidden, "conflict_of_interest"}},
      {"gtp-employeur", Refusal{ErrorCode::kForbidden, "present"}},  // the GTP oversees, never decides
      {"entreprise", Refusal{ErrorCode::kNotFound, ""}},             // outside the session: as if missing
      {"evaluateur1", Refusal{ErrorCode::kNotFound, ""}},
  };
  auto& decisions = server().juryDecisions();
  const domain::Actor centre = actor("centre");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.who);
    const domain::Actor who = actor(c.who);
    std::optional<juries::DecisionView> decided;
    EXPECT_EQ(refusalOf([&] { decided = decisions.decide(who, session, file, {}); }), c.refusal);
    if (!decided) continue;
    EXPECT_EQ(decided->decision.decided_by, who.user_id);
    EXPECT_EQ(decided->decision.decided_by_name, who.display_name);
    EXPECT_EQ(decided->decision.outcome, "certified");
    EXPECT_FALSE(decided->decision.revoked_at.has_value());
    EXPECT_TRUE(decided->awards.empty());  // nothing is issued before the results are published
    // A second decision on the file is refused while this one is in force; revoked, the jury decides again.
    EXPECT_EQ(refusalOf([&] { decisions.decide(who, session, file, {}); }),
              (Refusal{ErrorCode::kConflict, "file_id"}));
    const auto revoked = decisions.revoke(centre, decided->decision.id, "Erreur de saisie");
    EXPECT_EQ(revoked.decision.id, decided->decision.id);
    EXPECT_EQ(revoked.decision.revocation_reason.value_or(""), "Erreur de saisie");
    EXPECT_EQ(revoked.decision.revoked_by.value_or(""), centre.user_id);
  }
  // Every decision is kept, the revoked ones marked, in the order they were taken.
  const auto kept = decisions.forFile(centre, file);
  ASSERT_EQ(kept.size(), 3u);
  for (const auto& decision : kept) EXPECT_TRUE(decision.decision.revoked_at.has_value());
  // The session page sees the file's latest decision, and the proposal while in deliberation.
  const auto page = server().jurySessions().get(centre, session);
  ASSERT_EQ(page.files.size(), 1u);
  ASSERT_TRUE(page.files[0].decision.has_value());
  EXPECT_TRUE(page.files[0].decision->decision.revoked_at.has_value());
  ASSERT_TRUE(page.files[0].proposal.has_value());
  EXPECT_EQ(page.files[0].proposal->outcome, "certified");
  // The related member reads the session, but not the proposal of the file they abstain on.
  const auto related_page = server().jurySessions().get(actor("jury-lie"), session);
  EXPECT_FALSE(related_page.files[0].proposal.has_value());
  EXPECT_FALSE(related_page.available_members.has_value());  // the coordinator's alone
  EXPECT_TRUE(page.available_members.has_value());
}

// Which outcome a request gives, and which refusal names which field. Competency 1 is in bloc 1;
// the CQPM is at the RNCP, so complete blocs are awarded.
TEST_P(JuryServiceRulesTest, WhichOutcomeARequestGives) {
  registerAtRncp();
  const std::string file = readyFile("Quoi");
  const std::string session = openedSession(file).session.id;
  // What the jury starts from: the commission acquired everything, the CQPM is at the RNCP.
  const juries::FileProposal proposed =
      server().juryDecisions().proposal(actor("jury-employeur"), session, file);
  EXPECT_EQ(proposed.file_id, file);
  EXPECT_EQ(proposed.proposal.outcome, "certified");
  EXPECT_EQ(proposed.proposal.blocs.size(), 3u);
  EXPECT_TRUE(proposed.proposal.blocs_awardable);
  EXPECT_TRUE(proposed.proposal.carried_over.empty());
  EXPECT_TRUE(proposed.proposal.targeted_blocs.empty());  // the whole CQPM
  ASSERT_EQ(proposed.proposal.competencies.size(), 6u);
  for (const auto& competency : proposed.proposal.competencies) {
    EXPECT_EQ(competency.commission_result, "acquired");
    EXPECT_TRUE(competency.validated);
    EXPECT_EQ(proposed.proposal.results.at(competency.number), "acquired");
  }
  EXPECT_EQ(proposed.proposal.identity.rncp.number.value_or(""), "RNCP37854");
  const std::vector<juries::CompetencyVerdict> first_not_validated{{"1", false, "Gestes non maîtrisés"}};

  struct Case {
    std::string name;
    juries::DecisionRequest request;
    std::optional<Refusal> refusal;
    std::string outcome;     // when accepted
    std::vector<int> blocs;  // when accepted
    bool overrides = false;  // when accepted
  };
  const std::vector<Case> cases{
      {"unknown outcome", {{}, "admitted", std::nullopt, ""}, Refusal{ErrorCode::kInvalidField, "outcome"}},
      {"blocs without blocs_awarded",
       {{}, "certified", std::vector<int>{1}, ""},
       Refusal{ErrorCode::kInvalidField, "blocs"}},
      {"empty blocs",
       {{}, "blocs_awarded", std::vector<int>{}, ""},
       Refusal{ErrorCode::kInvalidField, "blocs"}},
      {"unknown bloc",
       {first_not_validated, "blocs_awarded", std::vector<int>{2, 9}, ""},
       Refusal{ErrorCode::kInvalidField, "blocs[1]"}},
      {"bloc twice",
       {first_not_validated, "blocs_awarded", std::vector<int>{2, 2}, ""},
       Refusal{ErrorCode::kInvalidField, "blocs[1]"}},
      {"unknown competency",
       {{{"99", true, ""}}, std::nullopt, std::nullopt, ""},
       Refusal{ErrorCode::kInvalidField, "competencies[0].number"}},
      {"departure without reason",
       {{{"3", true, ""}, {"1", false, ""}}, std::nullopt, std::nullopt, ""},
       Refusal{ErrorCode::kUnprocessable, "competencies[1].reason"}},
      {"refusal everything supports",
       {{}, "not_certified", std::nullopt, ""},
       Refusal{ErrorCode::kUnprocessable, "outcome"}},
      {"certified a competency lacks",
       {first_not_validated, "certified", std::nullopt, ""},
       Refusal{ErrorCode::kUnprocessable, "outcome"}},
      {"a bloc a competency lacks",
       {first_not_validated, "blocs_awarded", std::vector<int>{1, 2, 3}, ""},
       Refusal{ErrorCode::kUnprocessable, "blocs"}},
      {"nothing said: the proposal", {}, std::nullopt, "certified", {1, 2, 3}, false},
      {"the proposal confirmed",
       {{}, "certified", std::nullopt, ""},
       std::nullopt,
       "certified",
       {1, 2, 3},
       false},
      {"a competency not validated, with its reason",
       {first_not_validated, std::nullopt, std::nullopt, ""},
       std::nullopt,
       "blocs_awarded",
       {2, 3},
       true},
      {"the blocs named",
       {first_not_validated, "blocs_awarded", std::vector<int>{2, 3}, ""},
       std::nullopt,
       "blocs_awarded",
       {2, 3},
       true},
  };
  auto& decisions = server().juryDecisions();
  const domain::Actor employer = actor("jury-employeur"), centre = actor("centre");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<juries::DecisionView> decided;
    EXPECT_EQ(refusalOf([&] { decided = decisions.decide(employer, session, file, c.request); }), c.refusal);
    if (!decided) continue;
    EXPECT_EQ(decided->decision.outcome, c.outcome);
    EXPECT_EQ(frozenBlocIndexes(decided->decision.blocs_json), c.blocs);
    EXPECT_EQ(decided->decision.overrides_proposal, c.overrides);
    EXPECT_EQ(decided->decision.session_id, session);
    EXPECT_EQ(decided->decision.file_id, file);
    decisions.revoke(centre, decided->decision.id, "Cas suivant");
  }
}

// The session's own rules: who convenes, what a session needs, and refusals naming their field.
TEST_P(JuryServiceRulesTest, WhatASessionRefuses) {
  auto& sessions = server().jurySessions();
  const domain::Actor centre = actor("centre");
  struct Case {
    std::string name;
    std::string who;
    juries::NewJurySession session;
    Refusal refusal;
  };
  const std::vector<Case> cases{
      {"a member convenes", "jury-employeur", {today(), "09:30", "Lyon"}, {ErrorCode::kForbidden, ""}},
      {"the GTP convenes", "gtp-employeur", {today(), "09:30", "Lyon"}, {ErrorCode::kForbidden, ""}},
      {"no date", "centre", {"", "09:30", "Lyon"}, {ErrorCode::kInvalidField, "date"}},
      {"not a date", "centre", {"2026-02-30", "09:30", "Lyon"}, {ErrorCode::kInvalidField, "date"}},
      {"24 h", "centre", {today(), "24:00", "Lyon"}, {ErrorCode::kInvalidField, "time"}},
      {"no minutes", "centre", {today(), "9h", "Lyon"}, {ErrorCode::kInvalidField, "time"}},
      {"blank place", "centre", {today(), "09:30", "  "}, {ErrorCode::kInvalidField, "place"}},
      {"yesterday",
       "centre",
       {deadlines::addDays(today(), -1), "09:30", "Lyon"},
       {ErrorCode::kUnprocessable, "date"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(refusalOf([&] { sessions.create(actor(c.who), c.session); }), c.refusal);
  }

  const auto created = sessions.create(centre, {today(), "14:00", "Lyon, salle B"});
  EXPECT_EQ(created.session.state, "planned");
  EXPECT_EQ(created.session.session_time.value_or(""), "14:00");
  EXPECT_TRUE(created.members.empty());
  EXPECT_EQ(created.missing_colleges, (std::vector<std::string>{"employer", "employee"}));
  ASSERT_TRUE(created.available_members.has_value());
  EXPECT_GE(created.available_members->size(), 2u);
  const std::string id = created.session.id;
  const std::string employer = actor("jury-employeur").user_id;
  const auto seated = sessions.addMember(centre, id, {employer, std::nullopt});
  ASSERT_EQ(seated.members.size(), 1u);
  EXPECT_EQ(seated.members[0].college, "employer");
  EXPECT_FALSE(seated.members[0].present);
  EXPECT_EQ(refusalOf([&] {
              sessions.addMember(centre, id, {employer, std::nullopt});
            }),
            (Refusal{ErrorCode::kConflict, "user_id"}));
  EXPECT_EQ(refusalOf([&] {
              sessions.addMember(centre, id, {centre.user_id, std::nullopt});
            }),
            (Refusal{ErrorCode::kInvalidField, "user_id"}));
  EXPECT_EQ(refusalOf([&] {
              sessions.addMember(centre, id, {actor("jury-salarie").user_id, centre.organisation_id});
            }),
            (Refusal{ErrorCode::kInvalidField, "company_id"}));
  const auto present = sessions.setAttendance(centre, id, employer, true);
  EXPECT_TRUE(present.members[0].present);
  EXPECT_EQ(present.missing_colleges, (std::vector<std::string>{"employee"}));
  // One college alone does not open the deliberation.
  EXPECT_EQ(refusalOf([&] { sessions.open(centre, id); }), (Refusal{ErrorCode::kInvalidState, "quorum"}));
  // A member reads the session they sit on, not the list of whom to invite.
  const auto as_member = sessions.get(actor("jury-employeur"), id);
  EXPECT_FALSE(as_member.available_members.has_value());
  const auto listed = sessions.list(actor("jury-employeur"));
  EXPECT_TRUE(std::any_of(listed.begin(), listed.end(), [&](const auto& s) { return s.id == id; }));
  EXPECT_EQ(refusalOf([&] { sessions.list(actor("entreprise")); }), (Refusal{ErrorCode::kForbidden, ""}));
}

// How a session ends, through the closing service's records: president, signatures, publication.
TEST_P(JuryServiceRulesTest, ASessionEndsInOrder) {
  const std::string file = readyFile("Fin");
  const std::string session = openedSession(file).session.id;
  auto& closing = server().juryClosing();
  const domain::Actor centre = actor("centre"), employer = actor("jury-employeur"),
                      employee = actor("jury-salarie");
  server().juryDecisions().decide(employer, session, file, {});
  EXPECT_EQ(refusalOf([&] { closing.close(employer, session); }),
            (Refusal{ErrorCode::kInvalidState, "president"}));
  const auto presided = closing.designatePresident(centre, session, employer.user_id);
  ASSERT_TRUE(presided.president.has_value());
  EXPECT_EQ(presided.president->user_id, employer.user_id);
  EXPECT_EQ(refusalOf([&] { closing.close(employee, session); }), (Refusal{ErrorCode::kForbidden, ""}));
  EXPECT_EQ(closing.close(employer, session).session.state, "closed");
  EXPECT_EQ(closing.sign(employer, session).signatures.size(), 1u);
  EXPECT_EQ(refusalOf([&] { closing.sign(employer, session); }),
            (Refusal{ErrorCode::kConflict, "signature"}));
  EXPECT_EQ(refusalOf([&] { closing.publish(centre, session); }),
            (Refusal{ErrorCode::kInvalidState, "signatures"}));
  const auto signed_ = closing.sign(employee, session);
  ASSERT_EQ(signed_.signatures.size(), 2u);
  const auto erratum = closing.addErratum(centre, session, "Salle B, non salle du jury.");
  ASSERT_EQ(erratum.errata.size(), 1u);
  EXPECT_EQ(erratum.errata[0].recorded_by_name, centre.display_name);
  const auto published = closing.publish(centre, session);
  EXPECT_EQ(published.session.state, "published");
  EXPECT_TRUE(published.session.published_at.has_value());
  ASSERT_EQ(published.files.size(), 1u);
  EXPECT_EQ(published.files[0].file.file.state, "certified");
  ASSERT_TRUE(published.files[0].decision.has_value());
  ASSERT_EQ(published.files[0].decision->awards.size(), 1u);
  EXPECT_EQ(published.files[0].decision->awards[0].kind, "certificate");
  EXPECT_FALSE(published.files[0].proposal.has_value());  // no longer in deliberation
}

INSTANTIATE_TEST_SUITE_P(Backends, JuryServiceRulesTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
