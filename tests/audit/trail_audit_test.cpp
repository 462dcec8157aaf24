// The whole trail verified over the demo's data, then one event row edited in
// the database behind the server's back: `cqpm audit verify` and GET
// /files/{id}/audit name the file and the event.

#include <gtest/gtest.h>

#include <sstream>

#include "app/audit_command.h"
#include "support/test_server.h"

namespace cqpm::testing {
namespace {

class TrailAuditTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    CQPM_REQUIRE_BACKEND(server_->database());
  }

  /// `cqpm audit verify` over the server's data: exit code, standard output and error.
  std::tuple<int, std::string, std::string> auditVerify(const std::vector<std::string>& args = {"audit",
                                                                                                "verify"}) {
    app::AuditOptions options;
    options.data_dir = server_->database().dataDir();
    options.database_url = server_->database().url();
    std::ostringstream out;
    std::ostringstream err;
    const int code = app::runAuditCommand(args, options, out, err);
    return {code, out.str(), err.str()};
  }

  /// A demo file of the `centre` coordinator's centre with at least three events (the first in id order).
  std::string aFileWithHistory() {
    return server_->server().database().read([](store::SqlSession& sql) {
      std::string id;
      auto stmt = sql.query(
          "SELECT e.file_id FROM file_events e JOIN candidate_files f ON f.id = e.file_id JOIN users u ON "
          "u.organisation_id = f.centre_id WHERE u.login = 'centre' GROUP BY e.file_id HAVING COUNT(*) >= 3 "
          "ORDER BY e.file_id LIMIT 1");
      store::forEachRow(stmt, [&](const store::RowReader& row) { id = row.text("file_id"); });
      return id;
    });
  }

  void editEvent(const std::string& file_id, int seq, const std::string& payload) {
    server_->server().database().write([&](store::SqlSession& sql) {
      std::string file = file_id;
      std::string text = payload;
      Poco::Int64 number = seq;
      sql.query("UPDATE file_events SET payload = ? WHERE file_id = ? AND seq = ?")
          .bind(text)
          .bind(file)
          .bind(number)
          .execute();
    });
  }

  std::unique_ptr<TestServer> server_;
};

TEST_P(TrailAuditTest, TheDemosTrailIsIntact) {
  const auto [code, out, err] = auditVerify();
  EXPECT_EQ(code, app::kAuditIntact) << err;
  EXPECT_NE(out.find("every chain is intact"), std::string::npos) << out;
  EXPECT_EQ(err, "");

  const auto client = server_->client();
  const auto answer = client.get("/api/v1/files/" + aFileWithHistory() + "/audit", client.login("centre"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto json = answer.json();
  EXPECT_TRUE(json->getValue<bool>("intact"));
  EXPECT_TRUE(json->isNull("broken_at"));
  EXPECT_GE(json->getArray("chain")->size(), 3u);
}

TEST_P(TrailAuditTest, AnEventEditedInTheDatabaseIsNamed) {
  const std::string file = aFileWithHistory();
  ASSERT_FALSE(file.empty());
  editEvent(file, 2, R"({"reason":"ajouté après coup"})");

  const auto [code, out, err] = auditVerify();
  EXPECT_EQ(code, app::kAuditBroken);
  EXPECT_NE(err.find("BROKEN file " + file + ", event 2: was altered"), std::string::npos) << err;
  EXPECT_EQ(out.find("every chain is intact"), std::string::npos) << out;

  const auto client = server_->client();
  const auto answer = client.get("/api/v1/files/" + file + "/audit", client.login("centre"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto json = answer.json();
  EXPECT_FALSE(json->getValue<bool>("intact"));
  EXPECT_EQ(json->getValue<int>("broken_at"), 2);
  EXPECT_EQ(json->getValue<std::string>("problem"), "was altered");
  const auto chain = json->getArray("chain");
  EXPECT_TRUE(chain->getObject(0)->getValue<bool>("intact"));
  EXPECT_FALSE(chain->getObject(1)->getValue<bool>("intact"));
}

TEST_P(TrailAuditTest, APayloadThatIsNoLongerJsonIsReportedNotA500) {
  const std::string file = aFileWithHistory();
  editEvent(file, 1, "not json");
  const auto client = server_->client();
  const auto answer = client.get("/api/v1/files/" + file + "/audit", client.login("centre"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()->getValue<int>("broken_at"), 1);
}

TEST_P(TrailAuditTest, OthersCentresFilesAndBadArgumentsAreRefused) {
  const std::string file = aFileWithHistory();
  const auto client = server_->client();
  EXPECT_EQ(client.get("/api/v1/files/" + file + "/audit", client.login("centre2")).status, 404);
  EXPECT_EQ(client.get("/api/v1/files/" + file + "/audit", "").status, 401);
  EXPECT_EQ(std::get<0>(auditVerify({"audit"})), app::kAuditUsage);
  EXPECT_EQ(std::get<0>(auditVerify({"audit", "repair"})), app::kAuditUsage);

  app::AuditOptions nowhere;
  nowhere.data_dir = server_->database().dataDir() + "/no-such-folder";
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(app::runAuditCommand({"audit", "verify"}, nowhere, out, err), app::kAuditUsage);
  EXPECT_NE(err.str().find("cannot open the data"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrailAuditTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
