#include <thread>

#include "api_fixture.h"
#include "store/event_store.h"

namespace cqpm::testing {
namespace {

using TransitionsApiTest = ApiTest;

TEST_P(TransitionsApiTest, FiringMovesTheFileBumpsTheVersionAndAppendsAnEvent) {
  const std::string token = client().login("centre");
  const auto file = createFile(token);
  const std::string id = file->getValue<std::string>("id");
  const auto answer = fire(token, id, "register", 1);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()->getValue<std::string>("state"), "registered");
  EXPECT_EQ(answer.json()->getValue<int>("version"), 2);

  const auto events = client().get("/api/v1/files/" + id + "/events", token).json()->getArray("items");
  ASSERT_EQ(events->size(), 2u);
  const auto created = events->getObject(0);
  const auto registered = events->getObject(1);
  EXPECT_EQ(created->getValue<std::string>("transition"), "create");
  EXPECT_TRUE(created->isNull("from"));
  EXPECT_EQ(registered->getValue<std::string>("transition"), "register");
  EXPECT_EQ(registered->getValue<std::string>("from"), "draft");
  EXPECT_EQ(registered->getValue<std::string>("to"), "registered");
  EXPECT_EQ(registered->getObject("actor")->getValue<std::string>("login"), "centre");
  EXPECT_EQ(registered->getValue<std::string>("prev_hash"), created->getValue<std::string>("hash"));
}

TEST_P(TransitionsApiTest, RefusalsCarryTheRightStatusAndWriteNothing) {
  const std::string centre = client().login("centre");
  const std::string company = client().login("entreprise");
  const std::string id = createFile(centre)->getValue<std::string>("id");

  const auto stale = fire(centre, id, "register", 7);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.errorCode(), "version_conflict");
  EXPECT_EQ(stale.json()->getObject("error")->getObject("details")->getValue<int>("current_version"), 1);

  const auto unknown = fire(centre, id, "teleport", 1);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.errorCode(), "unknown_transition");
  EXPECT_EQ(unknown.errorField(), "transition");

  const auto wrong_state = fire(centre, id, "certify", 1);
  EXPECT_EQ(wrong_state.status, 409);
  EXPECT_EQ(wrong_state.errorCode(), "invalid_state");

  const auto wrong_role = fire(company, id, "register", 1);
  EXPECT_EQ(wrong_role.status, 403);

  const auto no_reason = fire(centre, id, "withdraw", 1, R"({"reason":"   "})");
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.errorCode(), "guard_failed");
  EXPECT_EQ(no_reason.errorField(), "payload.reason");

  const auto bad_version_type = fire(centre, id, "register", 1);  // control: still fireable at version 1
  EXPECT_EQ(bad_version_type.status, 200);
  const auto as_string =
      client().postJson("/api/v1/files/" + id + "/transitions",
                        R"({"transition":"agree_modalities","expected_version":"2"})", centre);
  EXPECT_EQ(as_string.status, 400);
  EXPECT_EQ(as_string.errorField(), "expected_version");
  const auto payload_not_object =
      client().postJson("/api/v1/files/" + id + "/transitions",
                        R"({"transition":"agree_modalities","expected_version":2,"payload":3})", centre);
  EXPECT_EQ(payload_not_object.errorField(), "payload");

  EXPECT_EQ(client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items")->size(), 2u);
}

TEST_P(TransitionsApiTest, VaeFileGoesToTheJuryWithoutCompanyOpinion) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre, "Vae", "vae")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, id, "register", 1).status, 200);
  std::int64_t version = agreeModalities(centre, id, 2);
  uploadReport(centre, id);
  for (const char* step : {"submit_evidence", "start_evaluation"}) {
    ASSERT_EQ(fire(centre, id, step, version++).status, 200) << step;
  }
  EXPECT_EQ(fire(centre, id, "request_company_opinion", version).status, 422);
  formCommission(centre, id);
  evaluateEveryCompetency(id);
  const auto answer = fire(centre, id, "send_to_jury_without_opinion", version);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()->getValue<std::string>("state"), "ready_for_jury");
}

TEST_P(TransitionsApiTest, AnIdempotencyKeyMakesARetryFireOnce) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre)->getValue<std::string>("id");
  const std::map<std::string, std::string> key{{"Idempotency-Key", "retry-1"}};
  const auto first = fire(centre, id, "register", 1, "{}", key);
  const auto retry = fire(centre, id, "register", 1, "{}", key);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items")->size(), 2u);
  const auto reused = fire(centre, id, "withdraw", 2, R"({"reason":"x"})", key);
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(reused.errorField(), "Idempotency-Key");
}

// The answer kept for a retry is the file as this request left it; the next
// transitions are computed after the commit (they run plugin guards, never
// under the writer lock), so a late retry is told what it may do now.
TEST_P(TransitionsApiTest, ALateRetryGetsItsFirstAnswerWithWhatItMayFireNow) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre)->getValue<std::string>("id");
  const std::map<std::string, std::string> key{{"Idempotency-Key", "late-1"}};
  const auto first = fire(centre, id, "register", 1, "{}", key);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto ids = [](const Poco::JSON::Array::Ptr& transitions) {
    std::vector<std::string> found;
    for (std::size_t i = 0; i < transitions->size(); ++i)
      found.push_back(transitions->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    return found;
  };
  EXPECT_EQ(ids(first.json()->getArray("available_transitions")),
            ids(client().get("/api/v1/files/" + id, centre).json()->getArray("available_transitions")));
  ASSERT_EQ(fire(centre, id, "withdraw", 2, R"({"reason":"Abandon"})").status, 200);

  const auto late = fire(centre, id, "register", 1, "{}", key);
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_EQ(late.json()->getValue<std::string>("state"), "registered");
  EXPECT_EQ(late.json()->getValue<std::int64_t>("version"), 2);
  EXPECT_EQ(ids(late.json()->getArray("available_transitions")),
            ids(client().get("/api/v1/files/" + id, centre).json()->getArray("available_transitions")));
  EXPECT_NE(ids(late.json()->getArray("available_transitions")),
            ids(first.json()->getArray("available_transitions")));
}

TEST_P(TransitionsApiTest, AnIdempotencyKeyMakesARetriedCreationCreateOnce) {
  const std::string centre = client().login("centre");
  const std::string body =
      R"({"cqpm":"qualite","pathway":"job_seeker","candidate":{"given_name":"Once","family_name":"Only","email":"o@example.org","birth_date":"1990-01-01"}})";
  const auto first = client().postJson("/api/v1/files", body, centre, {{"Idempotency-Key", "create-1"}});
  const auto retry = client().postJson("/api/v1/files", body, centre, {{"Idempotency-Key", "create-1"}});
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(client().get("/api/v1/files?q=only", centre).json()->getArray("items")->size(), 1u);
}

TEST_P(TransitionsApiTest, ConcurrentClientsAtTheSameVersionExactlyOneWins) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre)->getValue<std::string>("id");
  constexpr int kClients = 16;
  std::vector<int> statuses(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] { statuses[i] = fire(centre, id, "register", 1).status; });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kClients - 1);
  const auto file = client().get("/api/v1/files/" + id, centre).json();
  EXPECT_EQ(file->getValue<int>("version"), 2);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items")->size(), 2u);
}

TEST_P(TransitionsApiTest, MetricsCountTransitionsAndRequests) {
  const std::string centre = client().login("centre");
  const std::string id = createFile(centre)->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, id, "register", 1).status, 200);
  const auto metrics = client().get("/metrics", "");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("cqpm_transitions_total{transition=\"register\"}"), std::string::npos);
  EXPECT_NE(metrics.body.find("cqpm_http_requests_total"), std::string::npos);
  EXPECT_NE(metrics.body.find("cqpm_http_request_duration_seconds_bucket"), std::string::npos);
  // The server's live figures and the process's own, read at the scrape.
  for (const char* figure :
       {"cqpm_state{figure=\"open_streams\"}", "cqpm_state{figure=\"email_backlog\"}",
        "cqpm_state{figure=\"db_read_sessions_busy\"}", "cqpm_state{figure=\"db_writer_queue\"}",
        "cqpm_process{figure=\"resident_memory_bytes\"}", "cqpm_process{figure=\"open_fds\"}",
        "cqpm_process{figure=\"build_info\",version=\"0.1.0\"} 1"}) {
    EXPECT_NE(metrics.body.find(figure), std::string::npos) << figure << " missing from\n" << metrics.body;
  }
  EXPECT_EQ(client().get("/healthz", "").status, 200);
  EXPECT_EQ(client().get("/readyz", "").json()->getValue<std::string>("status"), "ready");
}

INSTANTIATE_TEST_SUITE_P(Backends, TransitionsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
