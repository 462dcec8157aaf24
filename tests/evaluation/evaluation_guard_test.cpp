#include "evaluation/evaluation_fixture.h"

// Leaving the evaluation (guard evaluation_complete): every competency needs a
// result signed on its current version by two evaluators of the commission.

namespace cqpm::testing {
namespace {

class EvaluationGuardTest : public EvaluationTest {};

TEST_P(EvaluationGuardTest, TheCompanyOpinionWaitsForEveryCompetencySignedByTwo) {
  const std::string centre = client().login("centre");
  const std::string file = fileUnderEvaluation("Garde");
  const std::int64_t version = fileVersion(centre, file);

  const auto nothing = fire(centre, file, "request_company_opinion", version);
  EXPECT_EQ(nothing.status, 422) << nothing.body;
  EXPECT_EQ(nothing.errorCode(), "guard_failed");
  EXPECT_EQ(nothing.errorField(), "evaluation.1");

  for (int number : {1, 2, 4, 5, 6}) evaluateAndSign(file, number);
  // Competency 3: a result signed by one evaluator only.
  const std::string first = client().login("evaluateur1");
  const auto written = putCompetency(first, file, 3, R"({"result":"not_acquired"})", etagOf(first, file, 3));
  ASSERT_EQ(written.status, 200) << written.body;
  ASSERT_EQ(sign(first, file, 3, written.headers.at("etag")).status, 201);
  const auto one_signature = fire(centre, file, "request_company_opinion", version);
  EXPECT_EQ(one_signature.status, 422) << one_signature.body;
  EXPECT_EQ(one_signature.errorField(), "evaluation.3");
  EXPECT_NE(one_signature.json()->getObject("error")->getValue<std::string>("message").find("Competency 3"),
            std::string::npos)
      << one_signature.body;
  EXPECT_FALSE(grid(centre, file).json()->getValue<bool>("complete"));

  ASSERT_EQ(sign(client().login("evaluateur2"), file, 3, written.headers.at("etag")).status, 201);
  EXPECT_TRUE(grid(centre, file).json()->getValue<bool>("complete"));
  const auto done = fire(centre, file, "request_company_opinion", version);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()->getValue<std::string>("state"), "company_opinion");

  // The grid is closed once the evaluation is over.
  const auto after = putCompetency(first, file, 1, R"({"result":"not_acquired"})", etagOf(first, file, 1));
  EXPECT_EQ(after.status, 409) << after.body;
}

TEST_P(EvaluationGuardTest, AChangeAfterSigningReopensTheCompetency) {
  const std::string centre = client().login("centre");
  const std::string file = fileUnderEvaluation("Reouverte");
  evaluateEveryCompetency(file);
  const std::string second = client().login("evaluateur2");
  ASSERT_EQ(putCompetency(second, file, 5, R"({"result":"not_acquired"})", etagOf(second, file, 5)).status,
            200);
  const auto refused = fire(centre, file, "request_company_opinion", fileVersion(centre, file));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.errorField(), "evaluation.5");
}

TEST_P(EvaluationGuardTest, AVaeFileGoesToTheJuryOnceTheGridIsSigned) {
  const std::string centre = client().login("centre");
  const std::string file = fileUnderEvaluation("Vae", "vae");
  const auto early = fire(centre, file, "send_to_jury_without_opinion", fileVersion(centre, file));
  EXPECT_EQ(early.status, 422) << early.body;
  EXPECT_EQ(early.errorField(), "evaluation.1");
  // Not acquired is a result too: the jury decides what it means.
  evaluateEveryCompetency(file, "not_acquired");
  const auto answer =
      fire(client().login("evaluateur1"), file, "send_to_jury_without_opinion", fileVersion(centre, file));
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()->getValue<std::string>("state"), "ready_for_jury");
}

TEST_P(EvaluationGuardTest, OnlySignaturesOfTheCurrentCommissionCount) {
  const std::string centre = client().login("centre");
  const std::string file = fileUnderEvaluation("Membres");
  evaluateEveryCompetency(file);
  EXPECT_TRUE(grid(centre, file).json()->getValue<bool>("complete"));
  // evaluateur2 leaves the commission: their signatures no longer count.
  const std::string girard = memberId(centre, file, "Patrick Girard");
  ASSERT_EQ(
      client()
          .request("PUT", "/api/v1/files/" + file + "/commission", R"({"evaluators":[")" + girard + R"("]})",
                   {{"Authorization", "Bearer " + centre}, {"Content-Type", "application/json"}})
          .status,
      200);
  const auto after = grid(centre, file);
  EXPECT_FALSE(after.json()->getValue<bool>("complete"));
  EXPECT_EQ(competencyOf(after, 1)->getArray("signatures")->size(), 1u);
  const auto refused = fire(centre, file, "request_company_opinion", fileVersion(centre, file));
  EXPECT_EQ(refused.errorField(), "evaluation.1");
}

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationGuardTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
