#include "juries/jury_fixture.h"

// Jury decisions through the real server: the plugin's proposal, confirming or
// overriding it with a reason, blocs, carry-over to a later file, revocation,
// and that nobody certifies a file but the jury.

namespace cqpm::testing {
namespace {

class JuryDecisionsTest : public JuryApiTest {};

const GridResults kFirstTwoBlocs{{1, "acquired"}, {2, "acquired"},     {3, "acquired"},
                                 {4, "acquired"}, {5, "not_acquired"}, {6, "acquired"}};

TEST_P(JuryDecisionsTest, AnEmployeeFileIsCertifiedAndEverythingIsRecorded) {
  const std::string file = readyFile("Salarie");
  const std::string session = openSession({file});
  const auto proposed = proposal(session, file);
  EXPECT_EQ(proposed->getValue<std::string>("outcome"), "certified");
  EXPECT_EQ(blocIndexes(proposed->getArray("blocs")), (std::vector<int>{1, 2, 3}));

  const auto answer = decide(session, file, R"({"outcome":"certified"})");
  ASSERT_EQ(answer.status, 201) << answer.body;
  const auto decision = answer.json();
  EXPECT_EQ(decision->getValue<std::string>("outcome"), "certified");
  EXPECT_FALSE(decision->getValue<bool>("overrides_proposal"));
  EXPECT_EQ(decision->getArray("blocs")->size(), 3u);
  EXPECT_EQ(decision->getArray("members")->size(), 2u);
  EXPECT_EQ(decision->getArray("abstentions")->size(), 0u);
  // The jury's validation is recorded competency by competency, from the commission's signed result.
  const auto validated = decision->getArray("competencies");
  ASSERT_EQ(validated->size(), 6u);
  EXPECT_TRUE(validated->getObject(4)->getValue<bool>("validated"));
  EXPECT_EQ(validated->getObject(4)->getValue<std::string>("commission_result"), "acquired");
  EXPECT_FALSE(validated->getObject(4)->getValue<std::string>("title").empty());
  EXPECT_EQ(decision->getObject("referential")->getValue<int>("version"), 1);
  EXPECT_FALSE(decision->getObject("referential")->isNull("commit"));
  EXPECT_EQ(decision->getObject("decided_by")->getValue<std::string>("display_name"), "Bernard Fontaine");
  EXPECT_FALSE(decision->getValue<bool>("revoked"));
  // Recorded for the jury and the centre; nothing takes effect before the results are published.
  EXPECT_EQ(decision->getArray("awards")->size(), 0u);
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre_).json()->getValue<std::string>("state"),
            "in_deliberation");
  const std::string company = client().login("entreprise");
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/decisions", company).json()->getArray("items")->size(),
            0u);
  const auto again = decide(session, file, R"({"outcome":"certified"})", employee_);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.errorField(), "file_id");

  const auto published = publishSession(session);
  EXPECT_EQ(published.json()->getValue<std::string>("state"), "published");
  const auto moved = client().get("/api/v1/files/" + file, centre_).json();
  EXPECT_EQ(moved->getValue<std::string>("state"), "certified");
  const auto events = client().get("/api/v1/files/" + file + "/events", centre_).json()->getArray("items");
  const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("transition"), "certify");
  const auto awards = decisionOf(file)->getArray("awards");
  ASSERT_EQ(awards->size(), 1u);
  EXPECT_EQ(awards->getObject(0)->getValue<std::string>("kind"), "certificate");
  const auto listed = client().get("/api/v1/files/" + file + "/decisions", company).json();
  EXPECT_EQ(listed->getArray("items")->size(), 1u);
}

// A session ends in order: its president closes it once every file is decided, a present member of
// each college signs the minutes, then the centre publishes; after opening, corrections are errata.
TEST_P(JuryDecisionsTest, ASessionIsClosedSignedThenPublished) {
  const std::string first = readyFile("Premier"), second = readyFile("Second");
  const std::string session = openSession({first, second});
  const std::string path = "/api/v1/jury-sessions/" + session;
  ASSERT_EQ(decide(session, first, "{}").status, 201);
  EXPECT_EQ(post(path + "/close", "", employer_).errorField(), "president");
  EXPECT_EQ(post(path + "/president", R"({"user_id":")" + userId(centre_) + R"("})", centre_).errorField(),
            "user_id");  // not a member
  EXPECT_EQ(post(path + "/president", R"({"user_id":")" + userId(employer_) + R"("})", employer_).status,
            403);
  ASSERT_EQ(post(path + "/president", R"({"user_id":")" + userId(employer_) + R"("})", centre_).status, 200);
  EXPECT_EQ(post(path + "/close", "", employee_).status, 403);  // not the president
  const auto early = post(path + "/close", "", employer_);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.errorField(), "files");  // the second file is not decided
  EXPECT_EQ(post(path + "/signatures", "", employer_).errorField(), "state");
  ASSERT_EQ(decide(session, second, "{}").status, 201);
  ASSERT_EQ(post(path + "/close", "", employer_).status, 200);
  EXPECT_EQ(decide(session, second, "{}").status, 409);  // closed: no more decisions
  // Closed, not yet published: a revocation would leave the file with no session to decide it.
  const std::string second_decision = decisionOf(second)->getValue<std::string>("id");
  const auto revoked_closed = post("/api/v1/decisions/" + second_decision + "/revocation",
                                   R"({"reason":"Erreur de saisie"})", centre_);
  EXPECT_EQ(revoked_closed.status, 409) << revoked_closed.body;
  EXPECT_EQ(revoked_closed.errorField(), "decision");
  EXPECT_EQ(post(path + "/publication", "", centre_).errorField(), "signatures");
  ASSERT_EQ(post(path + "/signatures", "", employer_).status, 201);
  EXPECT_EQ(post(path + "/signatures", "", employer_).status, 409);  // once
  const auto unsigned_college = post(path + "/publication", "", centre_);
  EXPECT_EQ(unsigned_college.errorField(), "signatures");
  EXPECT_EQ(
      unsigned_college.json()->getObject("error")->getObject("details")->getArray("missing_colleges")->size(),
      1u);
  ASSERT_EQ(post(path + "/signatures", "", employee_).status, 201);
  EXPECT_EQ(post(path + "/publication", "", employer_).status, 403);  // the centre publishes
  EXPECT_EQ(post(path + "/errata", R"({"text":"  "})", centre_).errorField(), "text");
  ASSERT_EQ(
      post(path + "/errata", R"({"text":"Le lieu était la salle B, non la salle du jury."})", centre_).status,
      201);
  const auto published = post(path + "/publication", "", centre_);
  ASSERT_EQ(published.status, 200) << published.body;
  const auto view = published.json();
  EXPECT_EQ(view->getObject("president")->getValue<std::string>("display_name"), "Bernard Fontaine");
  EXPECT_EQ(view->getArray("signatures")->size(), 2u);
  EXPECT_EQ(view->getArray("errata")->size(), 1u);
  EXPECT_FALSE(view->isNull("published_at"));
  for (const auto& file : {first, second}) {
    EXPECT_EQ(client().get("/api/v1/files/" + file, centre_).json()->getValue<std::string>("state"),
              "certified");
  }
  EXPECT_EQ(post(path + "/publication", "", centre_).status, 409);  // once
  // The minutes print who presided, who signed, and the erratum.
  const std::string text = pdfText(client().get(path + "/minutes.pdf", centre_).body);
  EXPECT_NE(text.find("Président(e) de séance : Bernard Fontaine"), std::string::npos) << text;
  EXPECT_NE(text.find("Signé dans l'application par"), std::string::npos) << text;
  EXPECT_NE(text.find("collège salariés"), std::string::npos) << text;
  EXPECT_NE(text.find("Le lieu était la salle B"), std::string::npos) << text;
}

TEST_P(JuryDecisionsTest, AVaeFileWithTwoBlocsGetsABlocAttestation) {
  // Pinned to the seed's version, which says nothing of the RNCP: no bloc is awarded.
  const std::string unregistered = readyFile("Horsrncp", "vae", kFirstTwoBlocs);
  registerAtRncp();
  const std::string file = readyFile("Vae", "vae", kFirstTwoBlocs);
  const std::string session = openSession({unregistered, file});
  const auto without = proposal(session, unregistered);
  EXPECT_EQ(without->getValue<std::string>("outcome"), "not_certified");
  EXPECT_FALSE(without->getValue<bool>("blocs_awardable"));
  EXPECT_TRUE(without->getObject("identity")->getObject("rncp")->isNull("registered"));
  const auto refused = decide(session, unregistered, R"({"outcome":"blocs_awarded","blocs":[1,2]})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("RNCP"), std::string::npos) << refused.body;
  const auto nothing = decide(session, unregistered, "{}");
  ASSERT_EQ(nothing.status, 201) << nothing.body;
  EXPECT_EQ(nothing.json()->getValue<std::string>("outcome"), "not_certified");

  const auto proposed = proposal(session, file);
  EXPECT_TRUE(proposed->getValue<bool>("blocs_awardable"));
  EXPECT_EQ(proposed->getObject("identity")->getValue<std::string>("cqpm_number"), "MQ 2015 06 69 0334");
  EXPECT_EQ(proposed->getValue<std::string>("outcome"), "blocs_awarded");
  EXPECT_EQ(blocIndexes(proposed->getArray("blocs")), (std::vector<int>{1, 2}));

  const auto answer = decide(session, file, R"({"outcome":"blocs_awarded","blocs":[1,2]})", employee_);
  ASSERT_EQ(answer.status, 201) << answer.body;
  const auto blocs = answer.json()->getArray("blocs");
  ASSERT_EQ(blocs->size(), 2u);
  EXPECT_EQ(blocs->getObject(0)->getValue<std::string>("code"), "BDC0229");
  EXPECT_EQ(blocs->getObject(1)->getValue<std::string>("code"), "BDC0230");
  EXPECT_EQ(blocs->getObject(1)->getValue<std::string>("rncp_code"), "RNCP37854BC02");
  publishSession(session);
  EXPECT_EQ(decisionOf(file)->getArray("awards")->getObject(0)->getValue<std::string>("kind"),
            "bloc_attestation");
  const auto moved = client().get("/api/v1/files/" + file, centre_).json();
  EXPECT_EQ(moved->getValue<std::string>("state"), "blocs_awarded");
  EXPECT_EQ(client().get("/api/v1/files/" + unregistered, centre_).json()->getValue<std::string>("state"),
            "not_certified");
}

// The outcome follows from the competencies the jury validates: it cannot contradict them, even with a
// reason; judging a competency otherwise than the commission needs a reason for that competency.
TEST_P(JuryDecisionsTest, TheJuryValidatesCompetencyByCompetency) {
  registerAtRncp();
  const std::string file = readyFile("Ecart", "vae", kFirstTwoBlocs);
  const std::string session = openSession({file});
  const auto proposed = proposal(session, file);
  const auto start = proposed->getArray("competencies");
  ASSERT_EQ(start->size(), 6u);
  EXPECT_FALSE(start->getObject(4)->getValue<bool>("validated"));
  EXPECT_EQ(start->getObject(4)->getValue<std::string>("commission_result"), "not_acquired");

  // Competency 5 is not validated: no CQPM, whatever the reason; bloc 2 is validated: it is awarded.
  const auto certified = decide(session, file, R"({"outcome":"certified","reason":"Le jury passe outre."})");
  EXPECT_EQ(certified.status, 422) << certified.body;
  EXPECT_EQ(certified.errorField(), "outcome");
  EXPECT_EQ(certified.json()->getObject("error")->getObject("details")->getValue<std::string>("competency"),
            "5");
  const auto fewer = decide(session, file, R"({"outcome":"blocs_awarded","blocs":[1],"reason":"x"})");
  EXPECT_EQ(fewer.status, 422);
  EXPECT_EQ(fewer.errorField(), "blocs");
  const auto unexplained = decide(session, file, R"({"competencies":[{"number":5,"validated":true}]})");
  EXPECT_EQ(unexplained.status, 422);
  EXPECT_EQ(unexplained.errorField(), "competencies[0].reason");
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre_).json()->getValue<std::string>("state"),
            "in_deliberation");  // nothing recorded, nothing moved

  const auto answer =
      decide(session, file,
             R"({"competencies":[{"number":"4","validated":false,"reason":"Preuves insuffisantes."}]})");
  ASSERT_EQ(answer.status, 201) << answer.body;
  const auto decision = answer.json();
  EXPECT_EQ(decision->getValue<std::string>("outcome"), "blocs_awarded");
  EXPECT_EQ(blocIndexes(decision->getArray("blocs")), (std::vector<int>{1}));
  EXPECT_TRUE(decision->getValue<bool>("overrides_proposal"));
  const auto fourth = decision->getArray("competencies")->getObject(3);
  EXPECT_FALSE(fourth->getValue<bool>("validated"));
  EXPECT_EQ(fourth->getValue<std::string>("commission_result"), "acquired");
  EXPECT_EQ(fourth->getValue<std::string>("reason"), "Preuves insuffisantes.");
  // The minutes print the validation and the reason of the departure.
  const auto minutes = client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_);
  ASSERT_EQ(minutes.status, 200);
  const std::string text = pdfText(minutes.body);
  EXPECT_NE(text.find("Compétences non validées par le jury : 4"), std::string::npos) << text;
  EXPECT_NE(text.find("Motif : Preuves insuffisantes."), std::string::npos) << text;
}

TEST_P(JuryDecisionsTest, MalformedDecisionsNameTheirField) {
  const std::string file = readyFile("Forme", "vae");
  const std::string session = openSession({file});
  EXPECT_EQ(decide(session, file, R"({"outcome":"maybe"})").errorField(), "outcome");
  EXPECT_EQ(decide(session, file, R"({"outcome":"blocs_awarded"})").errorField(),
            "outcome");  // all validated
  EXPECT_EQ(decide(session, file, R"({"outcome":"blocs_awarded","blocs":[]})").errorField(), "blocs");
  EXPECT_EQ(decide(session, file, R"({"competencies":{}})").errorField(), "competencies");
  EXPECT_EQ(decide(session, file, R"({"competencies":[{"validated":true}]})").errorField(),
            "competencies[0].number");
  EXPECT_EQ(decide(session, file, R"({"competencies":[{"number":1}]})").errorField(),
            "competencies[0].validated");
  EXPECT_EQ(decide(session, file, R"({"competencies":[{"number":99,"validated":true}]})").errorField(),
            "competencies[0].number");
  EXPECT_EQ(decide(session, file,
                   R"({"competencies":[{"number":1,"validated":true},{"number":1,"validated":true}]})")
                .errorField(),
            "competencies[1].number");
  EXPECT_EQ(decide(session, file, R"({"outcome":"blocs_awarded","blocs":["BDC0229"]})").errorField(),
            "blocs[0]");
  EXPECT_EQ(decide(session, file, R"({"outcome":"blocs_awarded","blocs":[1,9],"reason":"x"})").errorField(),
            "blocs[1]");
  EXPECT_EQ(decide(session, file, R"({"outcome":"blocs_awarded","blocs":[1,1],"reason":"x"})").errorField(),
            "blocs[1]");
  EXPECT_EQ(decide(session, file, R"({"outcome":"certified","blocs":[1]})").errorField(), "blocs");
  EXPECT_EQ(decide(session, file, "{").status, 400);
}

TEST_P(JuryDecisionsTest, OnlyPresentMembersOfAnOpenSessionDecide) {
  const std::string file = readyFile("Presence", "vae");
  const std::string session = newSession();
  const std::string employer = userId(employer_), employee = userId(employee_);
  // A second member of the employees' college, invited but absent when the deliberation opens.
  const std::string absentee = addJuryAccount("jury-absent", "Claire Absente", domain::College::kEmployee);
  ASSERT_EQ(addMember(session, employer).status, 201);
  ASSERT_EQ(addMember(session, employee).status, 201);
  ASSERT_EQ(addMember(session, absentee).status, 201);
  ASSERT_EQ(attend(session, employer).status, 200);
  ASSERT_EQ(attend(session, employee).status, 200);
  ASSERT_EQ(addFile(session, file).status, 201);
  const auto planned = decide(session, file, R"({"outcome":"certified"})");
  EXPECT_EQ(planned.status, 409);
  EXPECT_EQ(planned.errorField(), "session");
  ASSERT_EQ(open(session).status, 200);
  const auto absent = decide(session, file, R"({"outcome":"certified"})", client().login("jury-absent"));
  EXPECT_EQ(absent.status, 403);
  EXPECT_EQ(absent.errorField(), "present");
  // The coordinator may record the jury's decision as its secretary.
  EXPECT_EQ(decide(session, file, R"({"outcome":"certified"})", centre_).status, 201);
}

TEST_P(JuryDecisionsTest, NobodyCertifiesAroundTheJury) {
  const std::string file = readyFile("Contournement", "vae");
  const std::string session = openSession({file});
  const std::int64_t version = versionOf(file);
  for (const auto& [transition, payload] :
       std::vector<std::pair<std::string, std::string>>{{"certify", "{}"},
                                                        {"award_blocs", R"({"blocs":["BDC0229"]})"},
                                                        {"refuse_certification", R"({"reason":"non"})"}}) {
    const auto answer = fire(centre_, file, transition, version, payload);
    EXPECT_EQ(answer.status, 422) << transition << ": " << answer.body;
    EXPECT_EQ(answer.errorField(), "decision") << transition;
  }
  const auto forged = fire(employer_, file, "certify", version, R"({"decision_id":"made-up"})");
  EXPECT_EQ(forged.errorField(), "decision");
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre_).json()->getValue<std::string>("state"),
            "in_deliberation");
  // A refusal: one competency of each bloc not validated, each with its reason.
  EXPECT_EQ(
      decide(session, file, R"({"outcome":"not_certified","reason":"Entretien non concluant."})").status,
      422);  // every competency is validated: the outcome cannot be a refusal
  const std::string refusal = R"({"outcome":"not_certified","competencies":[
      {"number":1,"validated":false,"reason":"Entretien non concluant."},
      {"number":3,"validated":false,"reason":"Entretien non concluant."},
      {"number":5,"validated":false,"reason":"Entretien non concluant."}]})";
  const auto decided = decide(session, file, refusal);
  ASSERT_EQ(decided.status, 201);
  // Recorded, not yet in effect: even naming the decision, nobody moves the file before publication.
  const auto early =
      fire(centre_, file, "refuse_certification", version,
           R"({"decision_id":")" + decided.json()->getValue<std::string>("id") + R"(","reason":"non"})");
  EXPECT_EQ(early.errorField(), "decision") << early.body;
  publishSession(session);
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre_).json()->getValue<std::string>("state"),
            "not_certified");
}

TEST_P(JuryDecisionsTest, BlocsAlreadyAwardedCarryOverToALaterFileOfTheSameCandidate) {
  registerAtRncp();
  const std::string first = readyFile("Report", "vae", kFirstTwoBlocs);
  const std::string session = openSession({first});
  ASSERT_EQ(decide(session, first, R"({"outcome":"blocs_awarded","blocs":[1,2]})").status, 201);
  publishSession(session);

  // The candidate comes back (same name and birth date, written differently): only bloc 3 was missing.
  // The centre confirms the carry-over of blocs 1 and 2; only competencies 5 and 6 are evaluated.
  const GridResults third_only{{5, "acquired"}, {6, "acquired"}};
  const std::string second = readyFile("REPORT", "vae", third_only, {1, 2});
  const auto scope = client().get("/api/v1/files/" + second, centre_).json()->getObject("bloc_scope");
  ASSERT_EQ(scope->getArray("carried_over")->size(), 2u);
  EXPECT_EQ(scope->getArray("carried_over")->getObject(0)->getValue<std::string>("decision_id"),
            decisionOf(first)->getValue<std::string>("id"));
  const std::string later = openSession({second});
  const auto proposed = proposal(later, second);
  EXPECT_EQ(proposed->getValue<std::string>("outcome"), "certified") << toJsonText(proposed);
  EXPECT_EQ(blocIndexes(proposed->getArray("carried_over")), (std::vector<int>{1, 2}));
  EXPECT_EQ(proposed->getArray("carried_over")->getObject(0)->getValue<std::string>("code"), "BDC0229");
  const auto answer = decide(later, second, R"({"outcome":"certified"})");
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_FALSE(answer.json()->getValue<bool>("overrides_proposal"));
  publishSession(later);
  EXPECT_EQ(decisionOf(second)->getArray("awards")->getObject(0)->getValue<std::string>("kind"),
            "certificate");
}

TEST_P(JuryDecisionsTest, ARevokedDecisionIsKeptAndNoLongerCarriesOver) {
  registerAtRncp();
  const std::string first = readyFile("Revoque", "vae", kFirstTwoBlocs);
  const std::string session = openSession({first});
  const auto decided = decide(session, first, R"({"outcome":"blocs_awarded","blocs":[1,2]})");
  ASSERT_EQ(decided.status, 201);
  publishSession(session);
  const std::string decision = decided.json()->getValue<std::string>("id");
  const std::string code =
      decisionOf(first)->getArray("awards")->getObject(0)->getValue<std::string>("verification_code");
  EXPECT_EQ(client().get("/api/v1/verify/" + code, "").json()->getValue<std::string>("status"), "valid");

  const std::string path = "/api/v1/decisions/" + decision + "/revocation";
  EXPECT_EQ(post(path, R"({"reason":""})", centre_).errorField(), "reason");
  EXPECT_EQ(post(path, R"({"reason":"Fraude"})", employer_).status, 403);
  EXPECT_EQ(post(path, R"({"reason":"Fraude"})", client().login("centre2")).status, 404);
  const auto revoked = post(path, R"({"reason":"Fraude au dossier constatée."})", centre_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_TRUE(revoked.json()->getValue<bool>("revoked"));
  EXPECT_EQ(revoked.json()->getObject("revocation")->getValue<std::string>("reason"),
            "Fraude au dossier constatée.");
  EXPECT_EQ(post(path, R"({"reason":"encore"})", centre_).status, 409);

  // History kept: the decision is still listed, the file has an event, the code verifies as revoked.
  const auto listed =
      client().get("/api/v1/files/" + first + "/decisions", centre_).json()->getArray("items");
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE(listed->getObject(0)->getValue<bool>("revoked"));
  const auto events = client().get("/api/v1/files/" + first + "/events", centre_).json()->getArray("items");
  EXPECT_EQ(events->getObject(static_cast<unsigned>(events->size() - 1))->getValue<std::string>("transition"),
            "decision_revoked");
  const auto verified = client().get("/api/v1/verify/" + code, "").json();
  EXPECT_FALSE(verified->getValue<bool>("valid"));
  EXPECT_EQ(verified->getValue<std::string>("status"), "revoked");
  const auto award = listed->getObject(0)->getArray("awards")->getObject(0)->getValue<std::string>("id");
  EXPECT_EQ(client().get("/api/v1/awards/" + award + "/document.pdf", centre_).status, 409);

  // A later file of the same candidate is offered nothing from the revoked decision.
  const std::string second = createFile(centre_, "Revoque", "vae")->getValue<std::string>("id");
  step(centre_, second, "register");
  const auto offered = client().get("/api/v1/files/" + second + "/carry-over", centre_).json();
  EXPECT_EQ(offered->getArray("offered")->size(), 0u);
  EXPECT_FALSE(offered->getValue<bool>("editable"));
  EXPECT_EQ(confirmCarryOver(second, {1}).errorField(), "blocs[0]");
}

INSTANTIATE_TEST_SUITE_P(Backends, JuryDecisionsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
