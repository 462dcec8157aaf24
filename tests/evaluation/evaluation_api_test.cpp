#include <Poco/JSON/Parser.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "evaluation/evaluation_fixture.h"

// The evaluation grid through the real server: generated from the pinned
// referential, written competency by competency with If-Match, signed by the
// commission.

namespace cqpm::testing {
namespace {

Poco::JSON::Object::Ptr pluginReferential(const std::string& cqpm) {
  std::ifstream in(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + cqpm + "/referential.json");
  std::ostringstream text;
  text << in.rdbuf();
  return Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
}

class EvaluationApiTest : public EvaluationTest {};

TEST_P(EvaluationApiTest, TheGridIsGeneratedFromThePinnedReferentialAndThePlan) {
  const std::string centre = client().login("centre");
  const std::string file = fileUnderEvaluation();
  const auto answer = grid(centre, file);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto body = answer.json();
  const auto pinned = client().get("/api/v1/files/" + file, centre).json()->getObject("referential");
  EXPECT_EQ(body->getValue<std::string>("file_id"), file);
  EXPECT_EQ(body->getObject("referential")->getValue<int>("version"), pinned->getValue<int>("version"));
  EXPECT_EQ(body->getObject("referential")->getValue<std::string>("commit"),
            pinned->getValue<std::string>("commit"));
  EXPECT_EQ(body->getArray("commission")->size(), 2u);
  EXPECT_FALSE(body->getValue<bool>("complete"));

  // Every competency of the CQPM, in order, with its bloc and its four criteria groups.
  const auto referential = pluginReferential("qualite");
  const auto competencies = body->getArray("competencies");
  std::size_t index = 0;
  const auto blocs = referential->getArray("blocs");
  for (std::size_t b = 0; b < blocs->size(); ++b) {
    const auto bloc = blocs->getObject(static_cast<unsigned>(b));
    const auto expected_list = bloc->getArray("competencies");
    for (std::size_t c = 0; c < expected_list->size(); ++c, ++index) {
      ASSERT_LT(index, competencies->size());
      const auto expected = expected_list->getObject(static_cast<unsigned>(c));
      const auto item = competencies->getObject(static_cast<unsigned>(index));
      const int number = expected->getValue<int>("number");
      EXPECT_EQ(item->getValue<int>("number"), number);
      EXPECT_EQ(item->getValue<std::string>("title"), expected->getValue<std::string>("title"));
      EXPECT_EQ(item->getObject("bloc")->getValue<std::size_t>("index"), b + 1);
      EXPECT_EQ(item->getObject("bloc")->getValue<std::string>("code"), bloc->getValue<std::string>("code"));
      for (const char* group : {"methods", "means", "relations", "environment"}) {
        EXPECT_EQ(item->getObject("criteria")->getArray(group)->size(),
                  expected->getObject("criteria")->getArray(group)->size())
            << number << " " << group;
        EXPECT_EQ(item->getObject("observations")->getValue<std::string>(group), "");
      }
      // The demo's sample plan alternates the two modalities.
      EXPECT_EQ(item->getValue<std::string>("modality"),
                index % 2 == 0 ? "real_situation" : "project_presentation");
      EXPECT_EQ(item->getValue<std::string>("result"), "not_evaluated");
      EXPECT_EQ(item->getValue<int>("version"), 0);
      EXPECT_EQ(item->getValue<std::string>("etag"), "\"" + file + "-" + std::to_string(number) + "-v0\"");
      EXPECT_EQ(item->getArray("signatures")->size(), 0u);
      EXPECT_FALSE(item->getValue<bool>("evaluated"));
      EXPECT_TRUE(item->isNull("updated_by"));
    }
  }
  EXPECT_EQ(competencies->size(), index);
  EXPECT_EQ(index, 6u);
}

TEST_P(EvaluationApiTest, AWriteNeedsTheETagItWasReadWith) {
  const std::string evaluator = client().login("evaluateur1");
  const std::string file = fileUnderEvaluation();
  const std::string v0 = etagOf(evaluator, file, 2);
  const std::string body = R"({"result":"acquired","observations":{"methods":"Méthode 8D appliquée."}})";

  const auto without = putCompetency(evaluator, file, 2, body, "");
  EXPECT_EQ(without.status, 428) << without.body;
  EXPECT_EQ(without.errorCode(), "precondition_required");
  EXPECT_EQ(without.errorField(), "If-Match");

  const auto written = putCompetency(evaluator, file, 2, body, v0);
  ASSERT_EQ(written.status, 200) << written.body;
  const std::string v1 = "\"" + file + "-2-v1\"";
  EXPECT_EQ(written.headers.at("etag"), v1);
  EXPECT_EQ(written.json()->getValue<std::string>("etag"), v1);
  EXPECT_EQ(written.json()->getValue<int>("version"), 1);
  EXPECT_EQ(written.json()->getValue<std::string>("result"), "acquired");
  EXPECT_EQ(written.json()->getObject("observations")->getValue<std::string>("methods"),
            "Méthode 8D appliquée.");
  EXPECT_EQ(written.json()->getObject("updated_by")->getValue<std::string>("display_name"), "Patrick Girard");

  // The second evaluator read version 0 too: refused with what is there now, never applied.
  const auto stale =
      putCompetency(client().login("evaluateur2"), file, 2, R"({"result":"not_acquired"})", v0);
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(stale.errorCode(), "precondition_failed");
  EXPECT_EQ(stale.errorField(), "If-Match");
  const auto current = currentOf(stale);
  EXPECT_EQ(current->getValue<int>("version"), 1);
  EXPECT_EQ(current->getValue<std::string>("etag"), v1);
  EXPECT_EQ(current->getValue<std::string>("result"), "acquired");
  EXPECT_EQ(current->getObject("observations")->getValue<std::string>("methods"), "Méthode 8D appliquée.");
  // An ETag of another competency or file is no better.
  EXPECT_EQ(putCompetency(evaluator, file, 2, body, "\"" + file + "-3-v1\"").status, 412);
  EXPECT_EQ(putCompetency(evaluator, file, 2, body, "*").status, 412);
  EXPECT_EQ(competencyOf(grid(evaluator, file), 2)->getValue<std::string>("result"), "acquired");
}

TEST_P(EvaluationApiTest, ConcurrentWritesWithTheSameETagLetExactlyOneThrough) {
  const std::string file = fileUnderEvaluation();
  const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
  const std::string etag = etagOf(first, file, 1);
  constexpr int kWriters = 16;
  std::atomic<int> ok{0}, stale{0}, other{0};
  std::vector<std::string> winners(kWriters);
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      const std::string text = "Observation de l'écrivain " + std::to_string(i);
      const auto answer =
          putCompetency(i % 2 ? first : second, file, 1,
                        R"({"result":"acquired","observations":{"means":")" + text + R"("}})", etag);
      if (answer.status == 200) {
        ++ok;
        winners[i] = text;
      } else if (answer.status == 412) {
        ++stale;
      } else {
        ++other;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(stale.load(), kWriters - 1);
  EXPECT_EQ(other.load(), 0);
  // Nothing lost: what is stored is exactly the one write that was acknowledged.
  const auto stored = competencyOf(grid(first, file), 1);
  EXPECT_EQ(stored->getValue<int>("version"), 1);
  std::string winner;
  for (const auto& text : winners) winner += text;
  EXPECT_EQ(stored->getObject("observations")->getValue<std::string>("means"), winner);
  const auto kinds = eventKinds(first, file);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "evaluation_updated"), 1);
}

TEST_P(EvaluationApiTest, TwoEvaluatorsOnDifferentCompetenciesNeverConflict) {
  const std::string file = fileUnderEvaluation();
  const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
  const auto read = grid(first, file);  // both read the grid at the same moment
  const auto one = putCompetency(first, file, 1, R"({"result":"acquired"})",
                                 competencyOf(read, 1)->getValue<std::string>("etag"));
  const auto two = putCompetency(second, file, 2, R"({"result":"not_acquired"})",
                                 competencyOf(read, 2)->getValue<std::string>("etag"));
  EXPECT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(two.status, 200) << two.body;
  const auto after = grid(first, file);
  EXPECT_EQ(competencyOf(after, 1)->getValue<std::string>("result"), "acquired");
  EXPECT_EQ(competencyOf(after, 2)->getValue<std::string>("result"), "not_acquired");
  EXPECT_EQ(competencyOf(after, 2)->getObject("updated_by")->getValue<std::string>("display_name"),
            "Nathalie Roux");
}

TEST_P(EvaluationApiTest, ASignatureAttestsOneVersionAndAChangeVoidsIt) {
  const std::string file = fileUnderEvaluation();
  const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
  const auto written = putCompetency(first, file, 3, R"({"result":"acquired"})", etagOf(first, file, 3));
  ASSERT_EQ(written.status, 200) << written.body;
  const std::string v1 = written.headers.at("etag");

  const auto by_first = sign(first, file, 3, v1);
  ASSERT_EQ(by_first.status, 201) << by_first.body;
  EXPECT_FALSE(by_first.json()->getValue<bool>("evaluated"));  // one signature is not enough
  EXPECT_EQ(by_first.headers.at("etag"), v1);                  // signing does not change the content
  const auto again = sign(first, file, 3, v1);
  EXPECT_EQ(again.status, 200) << again.body;  // idempotent
  EXPECT_EQ(again.json()->getArray("signatures")->size(), 1u);
  const auto by_second = sign(second, file, 3, v1);
  ASSERT_EQ(by_second.status, 201) << by_second.body;
  EXPECT_TRUE(by_second.json()->getValue<bool>("evaluated"));
  const auto signatures = by_second.json()->getArray("signatures");
  ASSERT_EQ(signatures->size(), 2u);
  EXPECT_EQ(signatures->getObject(0)->getValue<std::string>("display_name"), "Patrick Girard");
  EXPECT_EQ(signatures->getObject(1)->getValue<std::string>("display_name"), "Nathalie Roux");

  // The same content again changes nothing: the signatures hold.
  const auto same = putCompetency(second, file, 3, R"({"result":"acquired"})", v1);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.json()->getValue<int>("version"), 1);
  EXPECT_TRUE(same.json()->getValue<bool>("evaluated"));

  // New content is a new version that nobody has signed yet.
  const auto changed = putCompetency(second, file, 3, R"({"result":"not_acquired"})", v1);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()->getValue<int>("version"), 2);
  EXPECT_EQ(changed.json()->getArray("signatures")->size(), 0u);
  EXPECT_FALSE(changed.json()->getValue<bool>("evaluated"));
  const auto late = sign(first, file, 3, v1);  // signing what one read before the change
  EXPECT_EQ(late.status, 412) << late.body;
  EXPECT_EQ(currentOf(late)->getValue<std::string>("result"), "not_acquired");
  EXPECT_EQ(sign(first, file, 3, "").status, 428);

  const auto kinds = eventKinds(first, file);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "evaluation_updated"), 2);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "evaluation_signed"), 2);
  const auto events = client().get("/api/v1/files/" + file + "/events", first).json()->getArray("items");
  const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("transition"), "evaluation_updated");
  EXPECT_EQ(last->getValue<std::string>("from"), "under_evaluation");
  EXPECT_EQ(last->getValue<std::string>("to"), "under_evaluation");
  EXPECT_EQ(last->getObject("payload")->getValue<std::string>("competency"), "3");
  EXPECT_EQ(last->getObject("payload")->getValue<int>("version"), 2);
  EXPECT_EQ(last->getObject("payload")->getValue<std::string>("result"), "not_acquired");
}

TEST_P(EvaluationApiTest, NothingToSignWithoutAResult) {
  const std::string evaluator = client().login("evaluateur1");
  const std::string file = fileUnderEvaluation();
  const auto unwritten = sign(evaluator, file, 1, etagOf(evaluator, file, 1));
  EXPECT_EQ(unwritten.status, 422) << unwritten.body;
  EXPECT_EQ(unwritten.errorField(), "result");
  const auto written =
      putCompetency(evaluator, file, 1, R"({"result":"not_evaluated"})", etagOf(evaluator, file, 1));
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_EQ(sign(evaluator, file, 1, written.headers.at("etag")).errorField(), "result");
}

TEST_P(EvaluationApiTest, EvidenceReferencesDocumentsOfTheFile) {
  const std::string centre = client().login("centre"), evaluator = client().login("evaluateur1");
  const std::string file = fileUnderEvaluation("Preuves");
  const std::string other = fileUnderEvaluation("Autre");
  auto upload = [&](const std::string& file_id) {
    const std::string boundary = "cqpm-eval-boundary";
    const std::string body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence\r\n--" +
        boundary +
        "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"preuve.pdf\"\r\n\r\n"
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n\r\n--" +
        boundary + "--\r\n";
    const auto answer = client().request("POST", "/api/v1/files/" + file_id + "/documents", body,
                                         {{"Authorization", "Bearer " + centre},
                                          {"Content-Type", "multipart/form-data; boundary=" + boundary}});
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.json()->getValue<std::string>("id");
  };
  const std::string mine = upload(file), theirs = upload(other);
  const auto foreign =
      putCompetency(evaluator, file, 1, R"({"result":"acquired","evidence":[")" + theirs + R"("]})",
                    etagOf(evaluator, file, 1));
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_EQ(foreign.errorField(), "evidence[0]");
  const auto twice = putCompetency(
      evaluator, file, 1, R"({"result":"acquired","evidence":[")" + mine + R"(",")" + mine + R"("]})",
      etagOf(evaluator, file, 1));
  EXPECT_EQ(twice.errorField(), "evidence[1]");
  const auto written =
      putCompetency(evaluator, file, 1, R"({"result":"acquired","evidence":[")" + mine + R"("]})",
                    etagOf(evaluator, file, 1));
  ASSERT_EQ(written.status, 200) << written.body;
  const auto evidence = competencyOf(grid(evaluator, file), 1)->getArray("evidence");
  ASSERT_EQ(evidence->size(), 1u);
  EXPECT_EQ(evidence->getElement<std::string>(0), mine);
}

TEST_P(EvaluationApiTest, BadContentIsRefusedNamingTheField) {
  const std::string evaluator = client().login("evaluateur1");
  const std::string file = fileUnderEvaluation();
  const std::string etag = etagOf(evaluator, file, 4);
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases{
      {R"({"result":"peut-être"})", 422, "result"},
      {R"({"observations":{}})", 400, "result"},
      {R"({"result":3})", 400, "result"},
      {R"({"result":"acquired","observations":{"tools":"x"}})", 422, "observations.tools"},
      {R"({"result":"acquired","observations":{"methods":12}})", 400, "observations.methods"},
      {R"({"result":"acquired","observations":{"methods":")" + std::string(8001, 'x') + R"("}})", 422,
       "observations.methods"},
      {R"({"result":"acquired","observations":"texte"})", 400, "observations"},
      {R"({"result":"acquired","evidence":"doc"})", 400, "evidence"},
      {R"({"result":"acquired","evidence":["inconnu"]})", 422, "evidence[0]"},
      {R"({"result":"acquired","evidence":[1]})", 400, "evidence[0]"},
  };
  for (const auto& test : cases) {
    const auto answer = putCompetency(evaluator, file, 4, test.body, etag);
    EXPECT_EQ(answer.status, test.status) << test.body.substr(0, 80) << ": " << answer.body.substr(0, 200);
    EXPECT_EQ(answer.errorField(), test.field) << test.body.substr(0, 80);
  }
  EXPECT_EQ(putCompetency(evaluator, file, 4, "{not json", etag).status, 400);
  const auto unknown = putCompetency(evaluator, file, 99, R"({"result":"acquired"})", etag);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.errorField(), "competency");
  // Nothing of it was written.
  EXPECT_EQ(competencyOf(grid(evaluator, file), 4)->getValue<int>("version"), 0);
}

TEST_P(EvaluationApiTest, TheGridIsWrittenOnlyUnderEvaluation) {
  const std::string centre = client().login("centre"), evaluator = client().login("evaluateur1");
  const std::string file = createFile(centre, "Tôt")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  formCommission(centre, file);
  const auto early = putCompetency(evaluator, file, 1, R"({"result":"acquired"})", "\"" + file + "-1-v0\"");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.errorCode(), "invalid_state");
  EXPECT_EQ(grid(evaluator, file).status, 200);  // read at any time by the commission
}

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
