#include "juries/jury_fixture.h"

// A file covers the whole CQPM or some of its blocs (the seeds open access to « CQPM ou blocs de
// compétences »), and a candidate who comes back keeps the blocs a decision in force awarded: the
// centre confirms the carry-over, and only the missing competencies are planned, evaluated and
// validated by the jury.

namespace cqpm::testing {
namespace {

using Poco::JSON::Array;

class BlocScopeTest : public JuryApiTest {
 protected:
  HttpAnswer createWithBlocs(const std::string& family_name, const std::string& blocs) const {
    return client().postJson(
        "/api/v1/files",
        R"({"cqpm":"qualite","pathway":"vae","candidate":{"given_name":"Alex","family_name":")" +
            family_name +
            R"(","email":"alex@example.org","birth_date":"1995-05-17"},"company_id":null,"blocs":)" + blocs +
            "}",
        centre_);
  }

  std::vector<int> numbersOf(const Array::Ptr& competencies) const {
    std::vector<int> numbers;
    for (std::size_t i = 0; i < competencies->size(); ++i)
      numbers.push_back(competencies->getObject(static_cast<unsigned>(i))->getValue<int>("number"));
    return numbers;
  }
};

TEST_P(BlocScopeTest, ACandidateRegisteredForOneBlocIsEvaluatedAndAwardedThatBlocOnly) {
  registerAtRncp();
  const auto created = createWithBlocs("Bloc", "[3]");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()->getValue<std::string>("id");
  EXPECT_EQ(created.json()->getObject("bloc_scope")->getArray("targeted")->size(), 1u);
  step(centre_, id, "register");

  // The plan and the grid hold the two competencies of bloc 3, nothing else.
  const auto editor = client().get("/api/v1/files/" + id + "/modalities", centre_).json();
  EXPECT_EQ(numbersOf(editor->getArray("competencies")), (std::vector<int>{5, 6}));
  agreeModalities(centre_, id, versionOf(id));
  uploadReport(centre_, id);
  step(centre_, id, "submit_evidence");
  step(centre_, id, "start_evaluation");
  signGrid(id, {{5, "acquired"}, {6, "acquired"}});
  const auto grid = client().get("/api/v1/files/" + id + "/evaluation", centre_).json();
  EXPECT_EQ(numbersOf(grid->getArray("competencies")), (std::vector<int>{5, 6}));
  EXPECT_TRUE(grid->getValue<bool>("complete"));
  step(centre_, id, "send_to_jury_without_opinion");

  const std::string session = openSession({id});
  const auto proposed = proposal(session, id);
  EXPECT_EQ(proposed->getValue<std::string>("outcome"), "blocs_awarded") << toJsonText(proposed);
  const auto competencies = proposed->getArray("competencies");
  EXPECT_FALSE(competencies->getObject(0)->getValue<bool>("targeted"));
  EXPECT_FALSE(competencies->getObject(0)->getValue<bool>("validated"));
  EXPECT_TRUE(competencies->getObject(4)->getValue<bool>("targeted"));
  // Competency 1 was not evaluated: the jury does not judge it, and cannot certify the whole CQPM.
  const auto judged =
      decide(session, id, R"({"competencies":[{"number":"1","validated":true,"reason":"Vu"}]})");
  EXPECT_EQ(judged.status, 400) << judged.body;
  EXPECT_EQ(judged.errorField(), "competencies[0].number");
  const auto certified = decide(session, id, R"({"outcome":"certified"})");
  EXPECT_EQ(certified.status, 422) << certified.body;
  const auto decided = decide(session, id, R"({"outcome":"blocs_awarded","blocs":[3]})");
  ASSERT_EQ(decided.status, 201) << decided.body;
  publishSession(session);
  EXPECT_EQ(decisionOf(id)->getArray("awards")->getObject(0)->getValue<std::string>("kind"),
            "bloc_attestation");
  const std::string minutes =
      pdfText(client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_).body);
  EXPECT_NE(minutes.find("Inscription aux blocs : BDC0231"), std::string::npos) << minutes;
}

TEST_P(BlocScopeTest, BlocsAreNamedByTheirPlaceInTheReferential) {
  const std::vector<std::pair<std::string, std::string>> bad{{"[0]", "blocs[0]"},
                                                             {"[4]", "blocs[0]"},
                                                             {"[2,2]", "blocs[1]"},
                                                             {R"(["3"])", "blocs[0]"},
                                                             {"3", "blocs"}};
  for (const auto& [blocs, field] : bad) {
    const auto answer = createWithBlocs("Mauvais", blocs);
    EXPECT_EQ(answer.status, 400) << blocs << " -> " << answer.body;
    EXPECT_EQ(answer.errorField(), field) << blocs;
  }
  // Every bloc is the whole CQPM.
  const auto whole = createWithBlocs("Entier", "[3,1,2]");
  ASSERT_EQ(whole.status, 201) << whole.body;
  EXPECT_EQ(whole.json()->getObject("bloc_scope")->size(), 0u);
}

TEST_P(BlocScopeTest, TheCentreConfirmsTheCarryOverBeforeTheModalitiesAndOnlyWhatWasAwarded) {
  registerAtRncp();
  const std::string first = readyFile("Retour", "vae",
                                      {{1, "acquired"},
                                       {2, "acquired"},
                                       {3, "acquired"},
                                       {4, "acquired"},
                                       {5, "not_acquired"},
                                       {6, "not_acquired"}});
  const std::string session = openSession({first});
  ASSERT_EQ(decide(session, first, R"({"outcome":"blocs_awarded","blocs":[1,2]})").status, 201);

  const std::string second = createFile(centre_, "Retour", "vae")->getValue<std::string>("id");
  step(centre_, second, "register");
  // Not published yet: the decision is not in force, nothing is offered.
  EXPECT_EQ(
      client().get("/api/v1/files/" + second + "/carry-over", centre_).json()->getArray("offered")->size(),
      0u);
  publishSession(session);
  const auto view = client().get("/api/v1/files/" + second + "/carry-over", centre_).json();
  ASSERT_EQ(view->getArray("offered")->size(), 2u) << toJsonText(view);
  EXPECT_TRUE(view->getValue<bool>("editable"));
  const auto offered = view->getArray("offered")->getObject(0);
  EXPECT_EQ(offered->getObject("bloc")->getValue<int>("index"), 1);
  EXPECT_EQ(offered->getValue<std::string>("earlier_file_id"), first);
  EXPECT_FALSE(offered->getValue<bool>("confirmed"));

  // Refusals name the field and change nothing.
  EXPECT_EQ(confirmCarryOver(second, {3}).errorField(), "blocs[0]");  // bloc 3 was not awarded
  EXPECT_EQ(confirmCarryOver(second, {1, 1}).errorField(), "blocs[1]");
  EXPECT_EQ(
      put("/api/v1/files/" + second + "/carry-over", R"({"expected_version":1,"blocs":[1]})", centre_).status,
      409);
  EXPECT_EQ(put("/api/v1/files/" + second + "/carry-over", R"({"expected_version":2})", centre_).errorField(),
            "blocs");
  EXPECT_EQ(put("/api/v1/files/" + second + "/carry-over", R"({"expected_version":2,"blocs":[1]})",
                client().login("centre2"))
                .status,
            404);
  EXPECT_EQ(client().get("/api/v1/files/" + second, centre_).json()->getValue<int>("version"), 2);

  ASSERT_EQ(confirmCarryOver(second, {1, 2}).status, 200);
  const auto editor = client().get("/api/v1/files/" + second + "/modalities", centre_).json();
  EXPECT_EQ(numbersOf(editor->getArray("competencies")), (std::vector<int>{5, 6}));
  const auto events = client().get("/api/v1/files/" + second + "/events", centre_).json()->getArray("items");
  EXPECT_EQ(events->getObject(static_cast<unsigned>(events->size() - 1))->getValue<std::string>("transition"),
            "carry_over_confirmed");
  // Withdrawn, the whole CQPM is planned again; once the modalities are agreed it is settled.
  ASSERT_EQ(confirmCarryOver(second, {}).status, 200);
  EXPECT_EQ(client()
                .get("/api/v1/files/" + second + "/modalities", centre_)
                .json()
                ->getArray("competencies")
                ->size(),
            6u);
  ASSERT_EQ(confirmCarryOver(second, {1, 2}).status, 200);
  agreeModalities(centre_, second, versionOf(second));
  EXPECT_EQ(confirmCarryOver(second, {1}).status, 409);
}

TEST_P(BlocScopeTest, BlocsCarryOverOnlyToTheSamePersonBirthPlaceIncluded) {
  registerAtRncp();
  const GridResults first_two{{1, "acquired"}, {2, "acquired"},     {3, "acquired"},
                              {4, "acquired"}, {5, "not_acquired"}, {6, "not_acquired"}};
  const std::string first = readyFile("Homonyme", "vae", first_two);
  const auto located =
      client().postJson("/api/v1/files/" + first + "/corrections",
                        R"({"expected_version":)" + std::to_string(versionOf(first)) +
                            R"(,"reason":"Lieu de naissance","candidate":{"birth_place":"Lyon"}})",
                        centre_);
  ASSERT_EQ(located.status, 200) << located.body;
  EXPECT_EQ(located.json()->getObject("candidate")->getValue<std::string>("birth_place"), "Lyon");
  const std::string session = openSession({first});
  ASSERT_EQ(decide(session, first, R"({"outcome":"blocs_awarded","blocs":[1,2]})").status, 201);
  publishSession(session);
  const std::string minutes =
      pdfText(client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_).body);
  EXPECT_NE(minutes.find("né(e) le 17 mai 1995 à Lyon"), std::string::npos) << minutes;

  // Same names and birth date, born elsewhere: another person, nothing is offered.
  const auto created = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"vae","candidate":{"given_name":"Alex","family_name":"Homonyme",)"
      R"("email":"alex@example.org","birth_date":"1995-05-17","birth_place":"Marseille"},"company_id":null})",
      centre_);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string second = created.json()->getValue<std::string>("id");
  EXPECT_EQ(created.json()->getObject("candidate")->getValue<std::string>("birth_place"), "Marseille");
  step(centre_, second, "register");
  const std::string path = "/api/v1/files/" + second + "/carry-over";
  EXPECT_EQ(client().get(path, centre_).json()->getArray("offered")->size(), 0u);
  // Corrected (the same town, written otherwise): the blocs are offered, with the earlier file's birth place.
  ASSERT_EQ(client()
                .postJson("/api/v1/files/" + second + "/corrections",
                          R"({"expected_version":)" + std::to_string(versionOf(second)) +
                              R"(,"reason":"Erreur de saisie","candidate":{"birth_place":"LYON"}})",
                          centre_)
                .status,
            200);
  const auto offered = client().get(path, centre_).json()->getArray("offered");
  ASSERT_EQ(offered->size(), 2u);
  EXPECT_EQ(offered->getObject(0)->getValue<std::string>("earlier_birth_place"), "Lyon");
  // A blank birth place is refused, naming the field.
  const auto blank = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"vae","candidate":{"given_name":"A","family_name":"B",)"
      R"("email":"a@b.fr","birth_date":"1995-05-17","birth_place":"   "},"company_id":null})",
      centre_);
  EXPECT_EQ(blank.status, 400);
  EXPECT_EQ(blank.errorField(), "candidate.birth_place");
}

INSTANTIATE_TEST_SUITE_P(Backends, BlocScopeTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
