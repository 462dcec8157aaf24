#include "admin/admin_fixture.h"
#include "store/row_reader.h"

// The administration log: every act recorded, hash-chained, scoped, exported.

namespace cqpm::testing {
namespace {

using AdminLogTest = AdminTest;

TEST_P(AdminLogTest, EveryActIsChainedAndAnEditedRowIsCaught) {
  const std::string admin = client().login("admin");
  const std::string centre = client().login("centre");
  const int demo = lastLogSeq();  // the demo's own acts (its candidates' accounts)
  ASSERT_EQ(createAccount(centre, "eval.log", "evaluator", ownOrganisation(centre)).status, 201);
  ASSERT_EQ(
      send("POST", "/api/v1/organisations",
           R"({"kind":"centre","name":"Centre UIMM Corse","region":"Corse","departements":["2A","2B"]})",
           admin)
          .status,
      201);
  const auto items = logAfter(admin, demo);
  ASSERT_EQ(items.size(), 3u);  // user_created, invitation_sent, organisation_created (newest first)
  EXPECT_EQ(items[0]->getValue<std::string>("action"), "organisation_created");
  EXPECT_EQ(items[1]->getValue<std::string>("action"), "invitation_sent");
  EXPECT_EQ(items[2]->getValue<std::string>("action"), "user_created");
  EXPECT_EQ(items[0]->getValue<std::string>("prev_hash"), items[1]->getValue<std::string>("hash"));
  EXPECT_EQ(items[2]->getObject("target")->getValue<std::string>("label"), "eval.log");

  auto& log = server_->server().adminLog();
  EXPECT_FALSE(log.verify().broken_at.has_value());
  EXPECT_EQ(log.verify().entries, demo + 3);
  const int altered = demo + 2;
  server_->server().database().write([altered](store::SqlSession& sql) {
    auto stmt = sql.statement("UPDATE admin_log SET target_label = 'quelqu''un' WHERE seq = " +
                              std::to_string(altered));
    stmt.execute();
  });
  const auto check = log.verify();
  ASSERT_TRUE(check.broken_at.has_value());
  EXPECT_EQ(*check.broken_at, altered);
  EXPECT_EQ(check.problem, "was altered");
}

TEST_P(AdminLogTest, ACoordinatorReadsTheirCentresActsOnly) {
  const std::string centre = client().login("centre");
  const std::string centre2 = client().login("centre2");
  const int demo = lastLogSeq();
  ASSERT_EQ(createAccount(centre, "eval.one", "evaluator", ownOrganisation(centre)).status, 201);
  ASSERT_EQ(createAccount(centre2, "eval.two", "evaluator", ownOrganisation(centre2)).status, 201);
  const auto mine = logAfter(centre, demo);
  ASSERT_EQ(mine.size(), 2u);
  for (const auto& entry : mine)
    EXPECT_EQ(entry->getObject("target")->getValue<std::string>("label"), "eval.one");
  for (const auto& entry : logAfter(centre, 0)) {  // nor any act of the other centre, the demo's included
    EXPECT_NE(entry->getObject("target")->getValue<std::string>("label"), "eval.two");
    EXPECT_NE(entry->getObject("target")->getValue<std::string>("label"), "julie.marchand");
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
