// GET /api/v1/statistics and its CSV exports through the real server, on the demo.

#include <gtest/gtest.h>

#include "support/test_server.h"

namespace cqpm::testing {
namespace {

class StatisticsApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    CQPM_REQUIRE_BACKEND(server_->database());
  }
  HttpClient client() const { return server_->client(); }

  std::string errorField(const HttpAnswer& answer) const {
    return answer.json()->getObject("error")->getValue<std::string>("field");
  }

 private:
  std::unique_ptr<TestServer> server_;
};

TEST_P(StatisticsApiTest, AnswersEverySeriesForTheCoordinatorsCentre) {
  const auto answer =
      client().get("/api/v1/statistics?from=2021-01-01&to=2030-12-31", client().login("centre"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto json = answer.json();
  EXPECT_EQ(json->getObject("period")->getValue<std::string>("from"), "2021-01-01");
  for (const char* series :
       {"files_by_state", "files_by_cqpm", "success_rates", "stage_durations", "overdue", "juries"})
    EXPECT_TRUE(json->has(series)) << series;
  EXPECT_GT(json->getArray("files_by_state")->size(), 0u);
  ASSERT_EQ(json->getArray("centres")->size(), 1u);
  EXPECT_EQ(json->getValue<std::string>("centre"),
            json->getArray("centres")->getObject(0)->getValue<std::string>("id"));
}

TEST_P(StatisticsApiTest, OtherRolesGet403AndACoordinatorNoOtherCentre) {
  EXPECT_EQ(client().get("/api/v1/statistics", client().login("entreprise")).status, 403);
  EXPECT_EQ(client().get("/api/v1/statistics", client().login("evaluateur1")).status, 403);
  EXPECT_EQ(client().get("/api/v1/statistics/juries.csv", client().login("entreprise")).status, 403);
  const auto all = client().get("/api/v1/statistics", client().login("admin")).json();
  const auto centres = all->getArray("centres");
  ASSERT_EQ(centres->size(), 2u);
  EXPECT_TRUE(all->isNull("centre"));
  const std::string coordinator = client().login("centre");
  const std::string own =
      client().get("/api/v1/statistics", coordinator).json()->getValue<std::string>("centre");
  const std::string other = centres->getObject(0)->getValue<std::string>("id") == own
                                ? centres->getObject(1)->getValue<std::string>("id")
                                : centres->getObject(0)->getValue<std::string>("id");
  EXPECT_EQ(client().get("/api/v1/statistics?centre=" + other, coordinator).status, 403);
  EXPECT_EQ(client().get("/api/v1/statistics?centre=" + other, client().login("gtp-employeur")).status, 200);
}

TEST_P(StatisticsApiTest, ABadPeriodIs422NamingTheField) {
  const std::string token = client().login("admin");
  const auto bad_from = client().get("/api/v1/statistics?from=2026-02-30", token);
  EXPECT_EQ(bad_from.status, 422);
  EXPECT_EQ(errorField(bad_from), "from");
  const auto bad_to = client().get("/api/v1/statistics/juries.csv?to=demain", token);
  EXPECT_EQ(bad_to.status, 422);
  EXPECT_EQ(errorField(bad_to), "to");
  const auto backwards = client().get("/api/v1/statistics?from=2026-05-01&to=2026-04-01", token);
  EXPECT_EQ(backwards.status, 422);
  EXPECT_EQ(errorField(backwards), "from");
  EXPECT_EQ(errorField(client().get("/api/v1/statistics?centre=nowhere", token)), "centre");
}

TEST_P(StatisticsApiTest, ExportsOneSeriesAsFrenchExcelCsv) {
  const std::string token = client().login("centre");
  const auto csv = client().get("/api/v1/statistics/files_by_state.csv?from=2021-01-01&to=2030-12-31", token);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(
      csv.headers.at("content-disposition").find("statistiques-files_by_state-2021-01-01-2030-12-31.csv"),
      std::string::npos);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFMois;État;Dossiers\r\n", 0), 0u) << csv.body;
  EXPECT_EQ(client().get("/api/v1/statistics/nothing.csv", token).status, 404);
  EXPECT_EQ(client().get("/api/v1/statistics/juries.json", token).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, StatisticsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
