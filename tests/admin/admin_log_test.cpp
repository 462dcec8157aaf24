#include "admin/admin_fixture.h"
#include "store/row_reader.h"

// The administration log: every act recorded, hash-chained, scoped, exported.

namespace cqpm::testing {
namespace {

using AdminLogTest = AdminTest;

TEST_P(AdminLogTest, EveryActIsChainedAndAnEditedRowIsCaught) {
  const std::string admin = client().login("admin");
  const std::string centre = client().login("centre");
  ASSERT_EQ(createAccount(centre, "eval.log", "evaluator", ownOrganisation(centre)).status, 201);
  ASSERT_EQ(
      send("POST", "/api/v1/organisations",
           R"({"kind":"centre","name":"Centre UIMM Corse","region":"Corse","departements":["2A","2B"]})",
           admin)
          .status,
      201);
  const auto items = client().get("/api/v1/admin/log", admin).json()->getArray("items");
  ASSERT_EQ(items->size(), 3u);  // user_created, invitation_sent, organisation_created (newest first)
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("action"), "organisation_created");
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("action"), "invitation_sent");
  EXPECT_EQ(items->getObject(2)->getValue<std::string>("action"), "user_created");
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("prev_hash"),
            items->getObject(1)->getValue<std::string>("hash"));
  EXPECT_EQ(items->getObject(2)->getObject("target")->getValue<std::string>("label"), "eval.log");

  auto& log = server_->server().adminLog();
  EXPECT_FALSE(log.verify().broken_at.has_value());
  EXPECT_EQ(log.verify().entries, 3);
  server_->server().database().write([](store::SqlSession& sql) {
    auto stmt = sql.statement("UPDATE admin_log SET target_label = 'quelqu''un' WHERE seq = 1");
    stmt.execute();
  });
  const auto check = log.verify();
  ASSERT_TRUE(check.broken_at.has_value());
  EXPECT_EQ(*check.broken_at, 1);
  EXPECT_EQ(check.problem, "was altered");
}

TEST_P(AdminLogTest, ACoordinatorReadsTheirCentresActsOnly) {
  const std::string centre = client().login("centre");
  const std::string centre2 = client().login("centre2");
  ASSERT_EQ(createAccount(centre, "eval.one", "evaluator", ownOrganisation(centre)).status, 201);
  ASSERT_EQ(createAccount(centre2, "eval.two", "evaluator", ownOrganisation(centre2)).status, 201);
  const auto mine = client().get("/api/v1/admin/log", centre).json()->getArray("items");
  ASSERT_EQ(mine->size(), 2u);
  for (std::size_t i = 0; i < mine->size(); ++i) {
    EXPECT_EQ(mine->getObject(static_cast<unsigned>(i))->getObject("target")->getValue<std::string>("label"),
              "eval.one");
  }
  EXPECT_EQ(client().get("/api/v1/admin/log", client().login("evaluateur1")).status, 403);
  EXPECT_EQ(client().get("/api/v1/admin/log", client().login("gtp-admin")).status, 403);
  const auto csv = client().get("/api/v1/admin/log.csv", centre);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFnumero;date;auteur;action", 0), 0u) << csv.body.substr(0, 80);
  EXPECT_NE(csv.body.find("eval.one"), std::string::npos);
  EXPECT_EQ(csv.body.find("eval.two"), std::string::npos);
  // Pages, newest first.
  const auto first = client().get("/api/v1/admin/log?limit=1", centre).json();
  ASSERT_TRUE(first->has("next_cursor"));
  const auto second =
      client()
          .get("/api/v1/admin/log?limit=1&cursor=" + first->getValue<std::string>("next_cursor"), centre)
          .json();
  EXPECT_LT(second->getArray("items")->getObject(0)->getValue<int>("seq"),
            first->getArray("items")->getObject(0)->getValue<int>("seq"));
  EXPECT_EQ(client().get("/api/v1/admin/log?cursor=x", centre).errorField(), "cursor");
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminLogTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
