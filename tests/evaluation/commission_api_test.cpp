#include "evaluation/evaluation_fixture.h"
#include "support/raw_http.h"

// The evaluation commission: formed by the file's centre from its evaluators,
// and the only evaluators who see the file and write its grid.

namespace cqpm::testing {
namespace {

class CommissionApiTest : public EvaluationTest {
 protected:
  HttpAnswer putCommission(const std::string& token, const std::string& file_id,
                           const std::string& body) const {
    return client().request("PUT", "/api/v1/files/" + file_id + "/commission", body,
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  }

  /// Id of the centre's evaluator named `display_name`, as its coordinator sees them.
  std::string evaluatorId(const std::string& centre, const std::string& file_id,
                          const std::string& display_name) const {
    const auto available = client()
                               .get("/api/v1/files/" + file_id + "/commission", centre)
                               .json()
                               ->getArray("available_evaluators");
    for (std::size_t i = 0; i < available->size(); ++i) {
      const auto item = available->getObject(static_cast<unsigned>(i));
      if (item->getValue<std::string>("display_name") == display_name)
        return item->getValue<std::string>("id");
    }
    ADD_FAILURE() << "no evaluator " << display_name;
    return {};
  }

  bool listedFor(const std::string& token, const std::string& file_id) const {
    const auto items = client().get("/api/v1/files?limit=100", token).json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") == file_id) return true;
    }
    return false;
  }
};

TEST_P(CommissionApiTest, TheCentreFormsTheCommissionAndOnlyItsMembersSeeTheFile) {
  const std::string centre = client().login("centre");
  const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
  const std::string file = createFile(centre, "Commission")->getValue<std::string>("id");
  EXPECT_EQ(client().get("/api/v1/files/" + file, first).status, 404);
  EXPECT_FALSE(listedFor(first, file));

  const auto empty = client().get("/api/v1/files/" + file + "/commission", centre);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json()->getArray("evaluators")->size(), 0u);
  EXPECT_TRUE(empty.json()->getValue<bool>("editable"));
  EXPECT_EQ(empty.json()->getArray("available_evaluators")->size(), 2u);

  const std::string girard = evaluatorId(centre, file, "Patrick Girard");
  const auto formed = putCommission(centre, file, R"({"evaluators":[")" + girard + R"("]})");
  ASSERT_EQ(formed.status, 200) << formed.body;
  const auto members = formed.json()->getArray("evaluators");
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ(members->getObject(0)->getValue<std::string>("display_name"), "Patrick Girard");

  EXPECT_EQ(client().get("/api/v1/files/" + file, first).status, 200);
  EXPECT_TRUE(listedFor(first, file));
  EXPECT_EQ(client().get("/api/v1/files/" + file, second).status, 404);  // outside the commission
  EXPECT_FALSE(listedFor(second, file));
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/commission", first).status, 200);
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/commission", second).status, 404);

  // The same commission again records nothing; a change is one event.
  ASSERT_EQ(putCommission(centre, file, R"({"evaluators":[")" + girard + R"("]})").status, 200);
  const std::string roux = evaluatorId(centre, file, "Nathalie Roux");
  ASSERT_EQ(putCommission(centre, file, R"({"evaluators":[")" + roux + R"("]})").status, 200);
  EXPECT_EQ(client().get("/api/v1/files/" + file, first).status, 404);  // removed from it
  EXPECT_EQ(client().get("/api/v1/files/" + file, second).status, 200);
  const auto kinds = eventKinds(centre, file);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "commission_assigned"), 2);
  const auto events = client().get("/api/v1/files/" + file + "/events", centre).json()->getArray("items");
  const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
  EXPECT_EQ(last->getObject("payload")->getArray("evaluators")->getElement<std::string>(0), roux);
}

TEST_P(CommissionApiTest, OnlyTheFilesCentreFormsIt) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Droits")->getValue<std::string>("id");
  const std::string girard = evaluatorId(centre, file, "Patrick Girard");
  const std::string body = R"({"evaluators":[")" + girard + R"("]})";
  EXPECT_EQ(putCommission(client().login("centre2"), file, body).status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/commission", client().login("centre2")).status, 404);
  const auto by_company = putCommission(client().login("entreprise"), file, body);
  EXPECT_EQ(by_company.status, 403) << by_company.body;
  EXPECT_EQ(putCommission(client().login("admin"), file, body).status, 403);
  EXPECT_EQ(putCommission(client().login("gtp-employeur"), file, body).status, 404);
}

// The dashboard's bulk action forms commissions where there are none and never replaces one.
TEST_P(CommissionApiTest, FormingOnlyWhereThereIsNoneLeavesAnotherCommissionAsItIs) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "EnLot")->getValue<std::string>("id");
  const std::string girard = evaluatorId(centre, file, "Patrick Girard");
  const std::string other = evaluatorId(centre, file, "Nathalie Roux");
  const std::string girard_only = R"({"only_if_empty":true,"evaluators":[")" + girard + R"("]})";
  const auto formed = putCommission(centre, file, girard_only);
  ASSERT_EQ(formed.status, 200) << formed.body;
  EXPECT_EQ(putCommission(centre, file, girard_only).status, 200);  // the same again: nothing to replace

  const auto replacing =
      putCommission(centre, file, R"({"only_if_empty":true,"evaluators":[")" + other + R"("]})");
  EXPECT_EQ(replacing.status, 409) << replacing.body;
  EXPECT_EQ(replacing.errorField(), "evaluators");
  const auto kept =
      client().get("/api/v1/files/" + file + "/commission", centre).json()->getArray("evaluators");
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ(kept->getObject(0)->getValue<std::string>("id"), girard);
  // From the file's page the commission is replaced as before.
  EXPECT_EQ(putCommission(centre, file, R"({"evaluators":[")" + other + R"("]})").status, 200);
  EXPECT_EQ(putCommission(centre, file, R"({"only_if_empty":"yes","evaluators":[")" + other + R"("]})")
                .errorField(),
            "only_if_empty");
}

TEST_P(CommissionApiTest, BadMembersAreRefusedNamingTheEntry) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Membres")->getValue<std::string>("id");
  const std::string girard = evaluatorId(centre, file, "Patrick Girard");
  const std::string coordinator = client().get("/api/v1/me", centre).json()->getValue<std::string>("id");
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases{
      {R"({"evaluators":[]})", 422, "evaluators"},
      {R"({"evaluators":[")" + girard + R"(",")" + coordinator + R"("]})", 422, "evaluators[1]"},
      {R"({"evaluators":[")" + girard + R"(",")" + girard + R"("]})", 422, "evaluators[1]"},
      {R"({"evaluators":["inconnu"]})", 422, "evaluators[0]"},
      {R"({"evaluators":[7]})", 400, "evaluators[0]"},
      {R"({"evaluators":"tous"})", 400, "evaluators"},
      {R"({})", 400, "evaluators"},
  };
  for (const auto& test : cases) {
    const auto answer = putCommission(centre, file, test.body);
    EXPECT_EQ(answer.status, test.status) << test.body << ": " << answer.body;
    EXPECT_EQ(answer.errorField(), test.field) << test.body;
  }
  EXPECT_EQ(
      client().get("/api/v1/files/" + file + "/commission", centre).json()->getArray("evaluators")->size(),
      0u);
}

TEST_P(CommissionApiTest, AClosedFileKeepsItsCommission) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Clos")->getValue<std::string>("id");
  const std::string girard = evaluatorId(centre, file, "Patrick Girard");
  ASSERT_EQ(fire(centre, file, "withdraw", 1, R"({"reason":"Abandon"})").status, 200);
  const auto answer = putCommission(centre, file, R"({"evaluators":[")" + girard + R"("]})");
  EXPECT_EQ(answer.status, 409) << answer.body;
  EXPECT_FALSE(
      client().get("/api/v1/files/" + file + "/commission", centre).json()->getValue<bool>("editable"));
}

TEST_P(CommissionApiTest, TheGridFollowsTheFilesTenancy) {
  const std::string centre = client().login("centre");
  const std::string file = fileUnderEvaluation("Tenancy");
  const std::string first = client().login("evaluateur1");
  const std::string etag = etagOf(first, file, 1);
  const std::string body = R"({"result":"acquired"})";

  const std::string other_centre = client().login("centre2");
  EXPECT_EQ(grid(other_centre, file).status, 404);
  EXPECT_EQ(putCompetency(other_centre, file, 1, body, etag).status, 404);

  // The coordinator reads the grid but does not write it.
  EXPECT_EQ(grid(centre, file).status, 200);
  const auto by_centre = putCompetency(centre, file, 1, body, etag);
  EXPECT_EQ(by_centre.status, 403) << by_centre.body;
  EXPECT_EQ(sign(centre, file, 1, etag).status, 403);
  EXPECT_FALSE(grid(centre, file).json()->getValue<bool>("editable"));
  EXPECT_TRUE(grid(first, file).json()->getValue<bool>("editable"));

  // The company and the candidate see the file, not the grid.
  EXPECT_EQ(grid(client().login("entreprise"), file).status, 403);

  // An evaluator taken off the commission no longer sees the file.
  const std::string girard = memberId(centre, file, "Patrick Girard");
  ASSERT_EQ(putCommission(centre, file, R"({"evaluators":[")" + girard + R"("]})").status, 200);
  const std::string second = client().login("evaluateur2");
  EXPECT_EQ(grid(second, file).status, 404);
  EXPECT_EQ(putCompetency(second, file, 1, body, etag).status, 404);
  EXPECT_EQ(sign(second, file, 1, etag).status, 404);
  EXPECT_EQ(putCompetency(first, file, 1, body, etag).status, 200);
}

TEST_P(CommissionApiTest, AnEvaluatorTakenOffTheCommissionLosesTheFilesLiveStreamAtOnce) {
  const std::string centre = client().login("centre");
  const std::string first = client().login("evaluateur1");
  const std::string file = createFile(centre, "Flux")->getValue<std::string>("id");
  const std::string girard = evaluatorId(centre, file, "Patrick Girard");
  const std::string roux = evaluatorId(centre, file, "Nathalie Roux");
  ASSERT_EQ(putCommission(centre, file, R"({"evaluators":[")" + girard + R"("]})").status, 200);

  auto stream = connectFrom(server_->port());
  sendText(stream, "GET /api/v1/files/" + file + "/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                       first + "\r\n\r\n");
  ASSERT_TRUE(readAnswerHead(stream, std::chrono::milliseconds(5000)).starts_with("HTTP/1.1 200"));
  ASSERT_EQ(putCommission(centre, file, R"({"evaluators":[")" + roux + R"("]})").status, 200);
  // The commission's own event is the next thing the stream would send: access
  // is checked again before every event, so the server closes the stream
  // instead (a periodic check alone would have let the event through first).
  const std::string after = readUntilClosed(stream, std::chrono::milliseconds(10000));
  EXPECT_TRUE(closedWithin(stream, std::chrono::milliseconds(100))) << "the stream was left open: " << after;
  EXPECT_EQ(after.find("commission"), std::string::npos) << "an event reached a reader who lost the file";
}

INSTANTIATE_TEST_SUITE_P(Backends, CommissionApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
