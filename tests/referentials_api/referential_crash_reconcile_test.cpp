// Upgrading a data folder written before the database held the referentials,
// after a crash between its git write and its SQL write of a publication: the
// tag and commit are in the repository, the index row and the proposal's new
// state are not (and the database holds no git object, as then). The next
// start reads the version back from git (reason and approvers from the commit
// message), marks the proposal published, and hands the repository over to the
// database. Crashes of today's all-in-SQL publication: referential_replica_test.cpp.

#include <Poco/Data/Binding.h>

#include "app/server.h"
#include "referential_api_fixture.h"
#include "store/database.h"
#include "support/instance.h"

namespace cqpm::testing {
namespace {

using Poco::Data::Keywords::use;

using RunningServer = RunningInstance;

/// What the SQL index of an older server would hold had it died right after
/// the tag: no git object or ref (they lived in git only), no row for the
/// version, the proposal still approved.
void forgetPublication(const TestDatabase& database, const std::string& cqpm, std::int64_t number,
                       std::int64_t proposal_id, bool keep_proposal_published) {
  const auto db = store::Database::open(database.databaseUrl());
  db->write([&](store::SqlSession& sql) {
    sql.statement("DELETE FROM referential_git_objects").execute();
    sql.statement("DELETE FROM referential_git_refs").execute();
    std::string key = cqpm;
    Poco::Int64 n = number;
    auto remove = sql.statement("DELETE FROM referential_versions WHERE cqpm = ? AND number = ?");
    remove, use(key), use(n);
    EXPECT_EQ(remove.execute(), 1u);
    if (keep_proposal_published) return;
    Poco::Int64 id = proposal_id;
    auto reopen = sql.statement(
        "UPDATE referential_proposals SET state = 'approved', published_version = NULL, decided_by = NULL "
        "WHERE id = ?");
    reopen, use(id);
    EXPECT_EQ(reopen.execute(), 1u);
  });
}

class ReferentialCrashTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*database_);
  }

  /// Publishes the change on a first server, which is then stopped; returns the proposal's id.
  std::int64_t publishOnFirstServer(std::string& v2_commit) {
    RunningServer first(*database_);
    const auto client = first.client();
    const std::string employer = client.login("gtp-employeur");
    const std::string path = approvedFilledCode(client);
    const std::int64_t id = std::stoll(path.substr(path.rfind('/') + 1));
    const auto published = client.postJson(path + "/publish", "{}", employer);
    EXPECT_EQ(published.status, 200) << published.body;
    const auto items =
        client.get("/api/v1/cqpms/fabrication-additive/versions", employer).json()->getArray("items");
    EXPECT_EQ(items->size(), 2u);
    v2_commit = items->getObject(1)->getValue<std::string>("commit");
    return id;
  }

  std::string repository() const { return database_->dataDir() + "/referentials.git"; }

  std::unique_ptr<TestDatabase> database_;
};

TEST_P(ReferentialCrashTest, RestartAddsTheVersionOnlyGitHoldsAndMarksTheProposalPublished) {
  std::string v2_commit;
  const std::int64_t id = publishOnFirstServer(v2_commit);
  ASSERT_FALSE(v2_commit.empty());
  forgetPublication(*database_, kFabrication, 2, id, false);

  RunningServer second(*database_);
  EXPECT_TRUE(second.server.demoAccountsCreated().empty());  // the demo data is kept, not seeded again
  const auto client = second.client();
  const std::string auditor = client.login("gtp-salarie");
  const auto items =
      client.get("/api/v1/cqpms/fabrication-additive/versions", auditor).json()->getArray("items");
  ASSERT_EQ(items->size(), 2u) << toJsonText(Poco::Dynamic::Var(items));
  const auto v2 = items->getObject(1);
  EXPECT_EQ(v2->getValue<std::int64_t>("version"), 2);
  EXPECT_EQ(v2->getValue<std::string>("commit"), v2_commit);
  EXPECT_EQ(v2->getValue<std::string>("tag"), "fabrication-additive/v2");
  EXPECT_EQ(v2->getValue<std::string>("reason"), kFillReason);
  EXPECT_EQ(v2->getValue<std::string>("author"), "Marc Dubois");
  EXPECT_EQ(v2->getValue<std::string>("email"), "gtp-employeur@exemple.fr");
  EXPECT_EQ(collegesOf(v2->getArray("approvers")), (std::multiset<std::string>{"employer", "employee"}));

  const auto proposal = client.get("/api/v1/proposals/" + std::to_string(id), auditor).json();
  EXPECT_EQ(proposal->getValue<std::string>("state"), "published");
  EXPECT_EQ(proposal->getValue<std::int64_t>("published_version"), 2);
  EXPECT_EQ(client.get("/api/v1/cqpms/fabrication-additive", auditor)
                .json()
                ->getValue<std::int64_t>("referential_version"),
            2);
  // The repaired proposal cannot be published a second time.
  EXPECT_EQ(client.postJson("/api/v1/proposals/" + std::to_string(id) + "/publish", "{}", auditor).status,
            409);
}

TEST_P(ReferentialCrashTest, RestartWithOnlyTheVersionRowMissingRestoresIt) {
  std::string v2_commit;
  const std::int64_t id = publishOnFirstServer(v2_commit);
  forgetPublication(*database_, kFabrication, 2, id, true);

  RunningServer second(*database_);
  const auto client = second.client();
  const std::string auditor = client.login("gtp-salarie");
  const auto items =
      client.get("/api/v1/cqpms/fabrication-additive/versions", auditor).json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("reason"), kFillReason);
  EXPECT_EQ(collegesOf(items->getObject(1)->getArray("approvers")),
            (std::multiset<std::string>{"employer", "employee"}));
  EXPECT_EQ(
      client.get("/api/v1/proposals/" + std::to_string(id), auditor).json()->getValue<std::string>("state"),
      "published");
}

TEST_P(ReferentialCrashTest, AfterRepairTheNextPublicationIsVersionThree) {
  std::string v2_commit;
  const std::int64_t id = publishOnFirstServer(v2_commit);
  forgetPublication(*database_, kFabrication, 2, id, false);

  RunningServer second(*database_);
  const auto client = second.client();
  const std::string employer = client.login("gtp-employeur");
  const std::string employee = client.login("gtp-salarie");
  auto referential =
      copyOf(client.get("/api/v1/cqpms/fabrication-additive", employer).json()->getObject("referential"));
  auto mission = referential->getArray("mission");
  mission->set(0, mission->getElement<std::string>(0) + " (précisé)");
  const auto proposed = client.postJson("/api/v1/cqpms/fabrication-additive/proposals",
                                        proposalBody(referential, "Mission précisée."), employer);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::int64_t next = proposed.json()->getValue<std::int64_t>("id");
  EXPECT_NE(next, id);
  EXPECT_EQ(proposed.json()->getValue<std::int64_t>("base_version"), 2);
  const std::string path = "/api/v1/proposals/" + std::to_string(next);
  ASSERT_EQ(client.postJson(path + "/approve", "{}", employee).status, 200);
  const auto published = client.postJson(path + "/publish", "{}", employer);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()->getValue<std::int64_t>("published_version"), 3);
  EXPECT_EQ(stockGit(repository(), "tag -l 'fabrication-additive/*'").second,
            "fabrication-additive/v1\nfabrication-additive/v2\nfabrication-additive/v3\n");
  EXPECT_EQ(stockGit(repository(), "fsck --strict --no-dangling").first, 0);
}

TEST_P(ReferentialCrashTest, ProposalRefLeftWithoutItsRowIsReplacedByTheNextProposal) {
  RunningServer server(*database_);
  // A crash after the proposal's ref was written and before its SQL row: the ref of the next id exists.
  ASSERT_EQ(stockGit(repository(), "update-ref refs/proposals/1 main").first, 0);
  const auto proposed = proposedFilledCode(server.client());
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::string ref = proposed.json()->getValue<std::string>("ref");
  EXPECT_EQ(stockGit(repository(), "rev-parse " + ref).second,
            proposed.json()->getValue<std::string>("commit") + "\n");
  EXPECT_NE(stockGit(repository(), "show " + ref + ":fabrication-additive/referential.json")
                .second.find(kFilledCode),
            std::string::npos);
}

// A one-line reason that looks like a trailer ("Word: text") stays the reason:
// only the last paragraph of the message is read as trailers.
TEST_P(ReferentialCrashTest, ReasonThatLooksLikeATrailerSurvivesTheRepair) {
  const std::string reason = "Rectification: code du bloc 2 publié par France compétences.";
  std::int64_t id = 0;
  {
    RunningServer first(*database_);
    const auto client = first.client();
    const std::string employer = client.login("gtp-employeur");
    auto referential =
        copyOf(client.get("/api/v1/cqpms/fabrication-additive", employer).json()->getObject("referential"));
    referential->getArray("blocs")->getObject(1)->set("code", kFilledCode);
    const auto proposed = client.postJson("/api/v1/cqpms/fabrication-additive/proposals",
                                          proposalBody(referential, reason), employer);
    ASSERT_EQ(proposed.status, 201) << proposed.body;
    id = proposed.json()->getValue<std::int64_t>("id");
    const std::string path = "/api/v1/proposals/" + std::to_string(id);
    ASSERT_EQ(client.postJson(path + "/approve", "{}", client.login("gtp-salarie")).status, 200);
    ASSERT_EQ(client.postJson(path + "/publish", "{}", employer).status, 200);
  }
  forgetPublication(*database_, kFabrication, 2, id, false);

  RunningServer second(*database_);
  const auto client = second.client();
  const auto items = client.get("/api/v1/cqpms/fabrication-additive/versions", client.login("gtp-salarie"))
                         .json()
                         ->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("reason"), reason);
  EXPECT_EQ(collegesOf(items->getObject(1)->getArray("approvers")),
            (std::multiset<std::string>{"employer", "employee"}));
}

// A crash after the commit on main and before the tag: the untagged commit was
// never acknowledged, so main goes back to the last tagged version and the
// proposal, still approved, is published again as the one version 2.
TEST_P(ReferentialCrashTest, CrashBetweenCommitAndTagEndsWithOneVersionTwoCommit) {
  std::string v2_commit;
  const std::int64_t id = publishOnFirstServer(v2_commit);
  forgetPublication(*database_, kFabrication, 2, id, false);
  ASSERT_EQ(stockGit(repository(), "tag -d fabrication-additive/v2").first, 0);

  RunningServer second(*database_);
  const auto client = second.client();
  const std::string employer = client.login("gtp-employeur");
  const std::string path = "/api/v1/proposals/" + std::to_string(id);
  if (client.get(path, employer).json()->getValue<std::string>("state") == "approved") {
    // The repair left the publication to finish: publishing it again must not commit it twice.
    EXPECT_EQ(client.postJson(path + "/publish", "{}", employer).status, 200);
  }
  EXPECT_EQ(client.get(path, employer).json()->getValue<std::string>("state"), "published");
  const auto log = stockGit(repository(), "log --format=%s main").second;
  std::size_t count = 0;
  for (std::size_t at = log.find("fabrication-additive: version 2"); at != std::string::npos;
       at = log.find("fabrication-additive: version 2", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 1u) << log;
  const auto items =
      client.get("/api/v1/cqpms/fabrication-additive/versions", employer).json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(stockGit(repository(), "rev-parse 'fabrication-additive/v2^{commit}'").second,
            items->getObject(1)->getValue<std::string>("commit") + "\n");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialCrashTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
