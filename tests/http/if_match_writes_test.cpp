// One idiom for optimistic writes on a file: If-Match with the ETag the server
// sent. Transitions, modality plans, corrections, referential moves and
// carry-overs take it; expected_version in the body is a deprecated alias.

#include <gtest/gtest.h>

#include "http/api_fixture.h"

namespace cqpm::testing {
namespace {

class IfMatchWritesTest : public ApiTest {
 protected:
  HttpAnswer fireWith(const std::string& token, const std::string& file, const std::string& body,
                      std::map<std::string, std::string> headers) const {
    headers["Authorization"] = "Bearer " + token;
    headers["Content-Type"] = "application/json";
    return client().request("POST", "/api/v1/files/" + file + "/transitions", body, headers);
  }
};

TEST_P(IfMatchWritesTest, ATransitionFiredWithTheFilesEtagAnswersTheNextEtag) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre)->getValue<std::string>("id");
  const auto read = client().get("/api/v1/files/" + file, centre);
  ASSERT_EQ(read.headers.at("etag"), "\"1\"");
  const auto fired =
      fireWith(centre, file, R"({"transition":"register"})", {{"If-Match", read.headers.at("etag")}});
  ASSERT_EQ(fired.status, 200) << fired.body;
  EXPECT_EQ(fired.json()->getValue<std::int64_t>("version"), 2);
  EXPECT_EQ(fired.headers.at("etag"), "\"2\"");
}

TEST_P(IfMatchWritesTest, AStaleIfMatchIs412WithTheCurrentVersion) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre)->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  const auto stale = fireWith(centre, file, R"({"transition":"withdraw","payload":{"reason":"Abandon"}})",
                              {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.errorCode(), "precondition_failed");
  EXPECT_EQ(stale.errorField(), "If-Match");
  EXPECT_EQ(stale.json()->getObject("error")->getObject("details")->getValue<std::int64_t>("current_version"),
            2);
}

TEST_P(IfMatchWritesTest, MissingMalformedOrContradictoryPreconditionsAreNamed) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre)->getValue<std::string>("id");
  const auto none = fireWith(centre, file, R"({"transition":"register"})", {});
  EXPECT_EQ(none.status, 428);
  EXPECT_EQ(none.errorField(), "If-Match");
  for (const char* malformed : {"W/\"1\"", "*", "1", "\"1x\"", "\"99999999999999999\""}) {
    const auto answer = fireWith(centre, file, R"({"transition":"register"})", {{"If-Match", malformed}});
    EXPECT_EQ(answer.status, 400) << malformed;
    EXPECT_EQ(answer.errorField(), "If-Match") << malformed;
  }
  const auto both =
      fireWith(centre, file, R"({"transition":"register","expected_version":2})", {{"If-Match", "\"1\""}});
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(both.errorField(), "If-Match");
  // Nothing of the above was applied.
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre).json()->getValue<std::int64_t>("version"), 1);
}

TEST_P(IfMatchWritesTest, ExpectedVersionStillWorksAsBeforeDuringItsLastRelease) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre)->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  const auto stale = fire(centre, file, "withdraw", 1, R"({"reason":"Abandon"})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.errorField(), "expected_version");
  const auto agreeing = fireWith(
      centre, file, R"({"transition":"withdraw","expected_version":2,"payload":{"reason":"Abandon"}})",
      {{"If-Match", "\"2\""}});
  EXPECT_EQ(agreeing.status, 200) << agreeing.body;
}

TEST_P(IfMatchWritesTest, AModalityPlanIsWrittenWithIfMatchToo) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre)->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  const auto editor = client().get("/api/v1/files/" + file + "/modalities", centre).json();
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("competencies", demo::sampleModalityPlan(editor, "qualite", "{}"));
  const auto headers = [&](const std::string& tag) {
    return std::map<std::string, std::string>{
        {"Authorization", "Bearer " + centre}, {"Content-Type", "application/json"}, {"If-Match", tag}};
  };
  const std::string path = "/api/v1/files/" + file + "/modalities";
  const auto stale = client().request("PUT", path, toJsonText(body), headers("\"1\""));
  EXPECT_EQ(stale.status, 412) << stale.body;
  const auto saved = client().request("PUT", path, toJsonText(body), headers("\"2\""));
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.headers.at("etag"), "\"3\"");
}

INSTANTIATE_TEST_SUITE_P(Backends, IfMatchWritesTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
