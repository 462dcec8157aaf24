#include "deadlines/paris_time.h"
#include "juries/jury_fixture.h"

// Jury sessions through the real server: convening, members and their college,
// the quorum of both colleges, conflicts of interest, and who sees what.

namespace cqpm::testing {
namespace {

class JurySessionsTest : public JuryApiTest {
 protected:
  // Whether `session` is among the sessions `token` lists.
  bool listed(const std::string& token, const std::string& session) const {
    const auto items = client().get("/api/v1/jury-sessions", token).json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") == session) return true;
    }
    return false;
  }
};

TEST_P(JurySessionsTest, OpeningMovesEachFileIntoDeliberationWithOneEvent) {
  const std::string file = readyFile("Ouverture");
  const std::string session = openSession({file});
  const auto detail = client().get("/api/v1/jury-sessions/" + session, centre_).json();
  EXPECT_EQ(detail->getValue<std::string>("state"), "open");
  EXPECT_EQ(detail->getArray("members")->size(), 2u);
  const auto item = detail->getArray("files")->getObject(0);
  EXPECT_EQ(item->getValue<std::string>("state"), "in_deliberation");
  EXPECT_EQ(item->getObject("candidate")->getValue<std::string>("family_name"), "Ouverture");
  EXPECT_EQ(item->getObject("cqpm")->getValue<std::string>("title"), "Technicien de la qualité");
  EXPECT_EQ(item->getObject("proposal")->getValue<std::string>("outcome"), "certified");
  EXPECT_TRUE(item->isNull("decision"));

  const auto events = client().get("/api/v1/files/" + file + "/events", centre_).json()->getArray("items");
  int opened = 0;
  for (std::size_t i = 0; i < events->size(); ++i) {
    if (events->getObject(static_cast<unsigned>(i))->getValue<std::string>("transition") ==
        "open_deliberation")
      ++opened;
  }
  EXPECT_EQ(opened, 1);
}

TEST_P(JurySessionsTest, OneCollegeAloneCannotOpenTheDeliberation) {
  const std::string session = newSession();
  const std::string employer = userId(employer_), employee = userId(employee_);
  ASSERT_EQ(addMember(session, employer).status, 201);
  ASSERT_EQ(addMember(session, employee).status, 201);
  ASSERT_EQ(attend(session, employer).status, 200);  // the employee member is invited but absent
  // Each member invited is convened: a notification with the day, the hour and the place.
  const auto told = client().get("/api/v1/notifications", employee_).json()->getArray("items");
  ASSERT_GE(told->size(), 1u);
  const auto convocation = told->getObject(0);
  EXPECT_EQ(convocation->getValue<std::string>("title"), "Convocation au jury paritaire");
  EXPECT_NE(
      convocation->getValue<std::string>("body").find("à 09 h 30 (heure de Paris), Lyon, salle du jury"),
      std::string::npos)
      << convocation->getValue<std::string>("body");

  const auto refused = open(session);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.errorField(), "quorum");
  const auto details = refused.json()->getObject("error")->getObject("details");
  EXPECT_EQ(details->getArray("missing_colleges")->getElement<std::string>(0), "employee");
  EXPECT_NE(details->getValue<std::string>("message_fr").find("collège salarié"), std::string::npos);

  ASSERT_EQ(attend(session, employee).status, 200);
  EXPECT_EQ(open(session).status, 200);
  EXPECT_EQ(open(session).errorField(), "state");  // only once
  // Opened, the session holds: who sits and who is present is what the minutes record.
  const auto left = attend(session, employee, false);
  EXPECT_EQ(left.status, 409);
  EXPECT_EQ(left.errorField(), "state");
  EXPECT_EQ(
      addMember(session, addJuryAccount("jury-tardif", "Paul Tardif", domain::College::kEmployer)).status,
      409);
  const auto seated = client().get("/api/v1/jury-sessions/" + session, centre_).json()->getArray("members");
  EXPECT_EQ(seated->size(), 2u);
}

TEST_P(JurySessionsTest, TheDeliberationOpensOnTheSessionsDayAndNotBefore) {
  const std::string session = newSession({}, deadlines::addDays(today(), 3));
  ASSERT_EQ(addMember(session, userId(employer_)).status, 201);
  ASSERT_EQ(addMember(session, userId(employee_)).status, 201);
  ASSERT_EQ(attend(session, userId(employer_)).status, 200);
  ASSERT_EQ(attend(session, userId(employee_)).status, 200);
  const auto early = open(session);
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.errorField(), "date");
  const auto view = client().get("/api/v1/jury-sessions/" + session, centre_).json();
  EXPECT_EQ(view->getValue<std::string>("state"), "planned");
  EXPECT_EQ(view->getValue<std::string>("time"), "09:30");
}

// The GTP, under whose control awards are made, reads every centre's sessions, minutes and awards, and
// does nothing else.
TEST_P(JurySessionsTest, TheGtpOverseesEveryCentresJuriesReadOnly) {
  const std::string file = readyFile("Controle");
  const std::string session = openSession({file});
  ASSERT_EQ(decide(session, file, "{}").status, 201);
  publishSession(session);
  const auto decided = decisionOf(file);
  const std::string auditor = client().login("gtp-employeur");
  const auto listed = client().get("/api/v1/jury-sessions", auditor);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_GE(listed.json()->getArray("items")->size(), 2u);  // the demo's session and this one
  const auto view = client().get("/api/v1/jury-sessions/" + session, auditor);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", auditor).status, 200);
  EXPECT_EQ(client().get("/api/v1/jury-sessions/" + session + "/results.csv", auditor).status, 200);
  const std::string award = decided->getArray("awards")->getObject(0)->getValue<std::string>("id");
  EXPECT_EQ(client().get("/api/v1/awards/" + award + "/document.pdf", auditor).status, 200);
  // Read-only: no decision, no session, no member, no revocation.
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"date":"2027-02-10","time":"10:00","place":"Paris"})", auditor)
                .status,
            403);
  EXPECT_EQ(decide(session, file, "{}", auditor).status, 403);
  EXPECT_EQ(post("/api/v1/jury-sessions/" + session + "/open", "", auditor).status, 403);
  // The decided file is one the GTP reads (it went before a jury): refused, not hidden.
  EXPECT_EQ(post("/api/v1/decisions/" + decided->getValue<std::string>("id") + "/revocation",
                 R"({"reason":"Contrôle"})", auditor)
                .status,
            403);
  EXPECT_EQ(client().get("/api/v1/files/" + file, auditor).status, 200);
  // Other roles still read no session.
  EXPECT_EQ(client().get("/api/v1/jury-sessions", client().login("entreprise")).status, 403);
}

TEST_P(JurySessionsTest, MembersAreJuryAccountsOfTheCentreAndComeOnce) {
  const std::string session = newSession();
  EXPECT_EQ(addMember(session, userId(centre_)).errorField(), "user_id");  // not a jury member
  EXPECT_EQ(addMember(session, "no-such-user").errorField(), "user_id");
  const std::string employer = userId(employer_);
  // The coordinator is offered the centre's jury accounts not seated yet, with their college.
  auto offered = [&] {
    std::map<std::string, std::string> colleges;
    const auto list =
        client().get("/api/v1/jury-sessions/" + session, centre_).json()->getArray("available_members");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto item = list->getObject(static_cast<unsigned>(i));
      colleges[item->getValue<std::string>("id")] = item->getValue<std::string>("college");
    }
    return colleges;
  };
  EXPECT_EQ(offered().at(employer), "employer");
  EXPECT_EQ(offered().at(userId(employee_)), "employee");
  EXPECT_EQ(offered().count(userId(centre_)), 0u);
  EXPECT_EQ(addMember(session, employer, "\"" + userId(centre_) + "\"").errorField(), "company_id");
  const auto added = addMember(session, employer, "\"" + firstCompany(centre_) + "\"");
  ASSERT_EQ(added.status, 201) << added.body;
  const auto member = added.json()->getArray("members")->getObject(0);
  EXPECT_EQ(member->getValue<std::string>("college"), "employer");  // from the account
  EXPECT_EQ(member->getObject("company")->getValue<std::string>("name"),
            "Mécanique de Précision du Rhône SAS");
  EXPECT_FALSE(member->getValue<bool>("present"));
  EXPECT_EQ(offered().count(employer), 0u);  // seated: no longer offered
  const auto twice = addMember(session, employer);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.errorField(), "user_id");
  EXPECT_EQ(attend(session, "not-a-member").status, 404);
  EXPECT_EQ(post("/api/v1/jury-sessions/" + session + "/members/" + employer + "/attendance",
                 R"({"present":"yes"})", centre_)
                .errorField(),
            "present");
}

TEST_P(JurySessionsTest, BadInputNamesTheField) {
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"date":"2027-02-30","time":"10:00","place":"Lyon"})", centre_)
                .errorField(),
            "date");
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"date":"2027-02-10","time":"10:00","place":"  "})", centre_)
                .errorField(),
            "place");
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"place":"Lyon"})", centre_).errorField(), "date");
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"date":"2027-02-10","place":"Lyon"})", centre_).errorField(),
            "time");
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"date":"2027-02-10","time":"25:00","place":"Lyon"})", centre_)
                .errorField(),
            "time");
  EXPECT_EQ(post("/api/v1/jury-sessions", R"({"date":"2027-02-10","time":"10:00","place":"Lyon"})", employer_)
                .status,
            403);
}

TEST_P(JurySessionsTest, ASessionIsConvenedForTodayOrLaterNeverForAPastDay) {
  const auto past =
      post("/api/v1/jury-sessions", R"({"date":"2020-01-01","time":"10:00","place":"Lyon"})", centre_);
  EXPECT_EQ(past.status, 422) << past.body;
  EXPECT_EQ(past.errorField(), "date");
  EXPECT_NE(past.body.find(today()), std::string::npos) << "the answer names today: " << past.body;
  const auto sessions = client().get("/api/v1/jury-sessions", centre_).json()->getArray("items");
  for (std::size_t i = 0; i < sessions->size(); ++i)
    EXPECT_NE(sessions->getObject(static_cast<unsigned>(i))->getValue<std::string>("date"), "2020-01-01");
  // Today, Paris time, is still open to a session (its deliberation opens today).
  EXPECT_EQ(
      post("/api/v1/jury-sessions", R"({"date":")" + today() + R"(","time":"18:00","place":"Lyon"})", centre_)
          .status,
      201);
}

TEST_P(JurySessionsTest, OnlyFilesReadyForTheJuryAndInNoOtherSession) {
  const std::string session = newSession();
  const std::string draft = createFile(centre_, "Brouillon")->getValue<std::string>("id");
  const auto not_ready = addFile(session, draft);
  EXPECT_EQ(not_ready.status, 409);
  EXPECT_EQ(not_ready.errorField(), "file_id");

  const std::string file = readyFile("Unique", "vae");
  ASSERT_EQ(addFile(session, file).status, 201);
  EXPECT_EQ(addFile(session, file).status, 409);
  EXPECT_EQ(addFile(newSession(), file).status, 409);  // already in an open... or planned session
  EXPECT_EQ(addFile(session, "no-such-file").status, 404);

  const std::string other_centre = client().login("centre2");
  const auto theirs = client().get("/api/v1/files?limit=1", other_centre).json()->getArray("items");
  ASSERT_GT(theirs->size(), 0u);
  EXPECT_EQ(addFile(session, theirs->getObject(0)->getValue<std::string>("id")).status, 404);

  // The file's history records that it was put before the jury.
  const auto events = client().get("/api/v1/files/" + file + "/events", centre_).json()->getArray("items");
  EXPECT_EQ(events->getObject(static_cast<unsigned>(events->size() - 1))->getValue<std::string>("transition"),
            "add_to_jury_session");
}

TEST_P(JurySessionsTest, AnotherCentreAndUninvitedMembersSeeNothing) {
  const std::string file = readyFile("Secret", "vae");
  const std::string session = newSession();
  ASSERT_EQ(addFile(session, file).status, 201);
  const std::string other_centre = client().login("centre2");
  EXPECT_EQ(client().get("/api/v1/jury-sessions/" + session, other_centre).status, 404);
  EXPECT_EQ(post("/api/v1/jury-sessions/" + session + "/open", "", other_centre).status, 404);
  EXPECT_FALSE(listed(other_centre, session));
  EXPECT_TRUE(listed(centre_, session));

  // Not invited: neither the session nor its file.
  EXPECT_EQ(client().get("/api/v1/jury-sessions/" + session, employer_).status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + file, employer_).status, 404);
  EXPECT_FALSE(listed(employer_, session));

  ASSERT_EQ(addMember(session, userId(employer_)).status, 201);
  EXPECT_EQ(client().get("/api/v1/jury-sessions/" + session, employer_).status, 200);
  EXPECT_EQ(client().get("/api/v1/files/" + file, employer_).status, 200);
  EXPECT_TRUE(listed(employer_, session));
  // A member reads, the centre convenes.
  EXPECT_EQ(attend(session, userId(employer_)).status, 200);
  EXPECT_EQ(post("/api/v1/jury-sessions/" + session + "/open", "", employer_).status, 403);
}

TEST_P(JurySessionsTest, AMemberFromTheCandidatesCompanyAbstainsOnThatFile) {
  const std::string employee_file = readyFile("Conflit");
  const std::string vae_file = readyFile("Libre", "vae");
  const std::string session = newSession();
  const std::string employer = userId(employer_), employee = userId(employee_);
  ASSERT_EQ(addMember(session, employer, "\"" + firstCompany(centre_) + "\"").status, 201);
  ASSERT_EQ(addMember(session, employee).status, 201);
  ASSERT_EQ(attend(session, employer).status, 200);
  ASSERT_EQ(attend(session, employee).status, 200);
  ASSERT_EQ(addFile(session, employee_file).status, 201);
  ASSERT_EQ(addFile(session, vae_file).status, 201);
  ASSERT_EQ(open(session).status, 200);  // the session's quorum is met

  // On the candidate's file the employer member is refused whatever they try.
  const std::string path = "/api/v1/jury-sessions/" + session + "/files/" + employee_file;
  const auto read = client().get(path + "/proposal", employer_);
  EXPECT_EQ(read.status, 403);
  EXPECT_EQ(read.errorField(), "conflict_of_interest");
  const auto decided = decide(session, employee_file, R"({"outcome":"certified"})", employer_);
  EXPECT_EQ(decided.status, 403);
  EXPECT_EQ(decided.errorField(), "conflict_of_interest");

  // Without them the file lacks the employer college: nobody can decide it, and the answer names it.
  const auto no_quorum = decide(session, employee_file, R"({"outcome":"certified"})", employee_);
  EXPECT_EQ(no_quorum.status, 409) << no_quorum.body;
  EXPECT_EQ(no_quorum.errorField(), "quorum");
  const auto details = no_quorum.json()->getObject("error")->getObject("details");
  EXPECT_EQ(details->getValue<std::string>("file_id"), employee_file);
  EXPECT_NE(details->getValue<std::string>("message_fr").find("Conflit"), std::string::npos);

  const auto detail = client().get("/api/v1/jury-sessions/" + session, centre_).json();
  const auto files = detail->getArray("files");
  for (std::size_t i = 0; i < files->size(); ++i) {
    const auto item = files->getObject(static_cast<unsigned>(i));
    const bool conflicted = item->getValue<std::string>("id") == employee_file;
    EXPECT_EQ(item->getArray("abstaining")->size(), conflicted ? 1u : 0u);
    EXPECT_EQ(item->getObject("quorum")->getValue<bool>("met"), !conflicted);
  }
  // The VAE file has no company: the same member deliberates on it.
  EXPECT_EQ(decide(session, vae_file, R"({"outcome":"certified"})", employer_).status, 201);
}

INSTANTIATE_TEST_SUITE_P(Backends, JurySessionsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
