// The database is the referentials' authority and each data folder's bare
// repository a replica of it: a lost, stale, locked or diverging repository is
// brought back to the database at start, every instance serves every version
// with the same commit ids, and a publication that fails leaves nothing behind.

#include <Poco/Data/Binding.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/server.h"
#include "referential_api_fixture.h"
#include "store/database.h"
#include "support/instance.h"

namespace cqpm::testing {
namespace {

namespace fs = std::filesystem;

using Instance = RunningInstance;

class ReferentialReplicaTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*database_);
  }
  void TearDown() override {
    for (const auto& folder : other_folders_) fs::remove_all(folder);
  }

  std::string repository(const std::string& data_dir = {}) const {
    return (data_dir.empty() ? database_->dataDir() : data_dir) + "/referentials.git";
  }
  std::string otherFolder() { return other_folders_.emplace_back(makeTempDir("cqpm-instance")); }

  /// Proposes, approves and publishes the filled bloc code; returns the publish answer.
  static HttpAnswer publishFilledCode(const HttpClient& client) {
    return client.postJson(approvedFilledCode(client) + "/publish", "{}", client.login("gtp-employeur"));
  }

  static std::vector<std::string> versionCommits(const HttpClient& client) {
    const auto items = client.get("/api/v1/cqpms/fabrication-additive/versions", client.login("gtp-salarie"))
                           .json()
                           ->getArray("items");
    std::vector<std::string> commits;
    for (std::size_t i = 0; i < items->size(); ++i)
      commits.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("commit"));
    return commits;
  }

  std::unique_ptr<TestDatabase> database_;
  std::vector<std::string> other_folders_;
};

TEST_P(ReferentialReplicaTest, ALostRepositoryIsRebuiltWithTheSameCommitsAndTags) {
  std::vector<std::string> before;
  std::string tags_before;
  {
    Instance first(*database_, "");
    ASSERT_EQ(publishFilledCode(first.client()).status, 200);
    before = versionCommits(first.client());
    tags_before = stockGit(repository(), "show-ref --tags").second;
  }
  ASSERT_EQ(before.size(), 2u);
  fs::remove_all(repository());

  Instance second(*database_, "");
  EXPECT_EQ(versionCommits(second.client()), before);
  EXPECT_EQ(stockGit(repository(), "show-ref --tags").second, tags_before);  // annotated tags too
  EXPECT_EQ(stockGit(repository(), "rev-parse 'fabrication-additive/v2^{commit}'").second, before[1] + "\n");
  EXPECT_EQ(stockGit(repository(), "fsck --strict --no-dangling").first, 0);
  const auto v2 = second.client().get("/api/v1/cqpms/fabrication-additive/versions/2",
                                      second.client().login("gtp-salarie"));
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_NE(v2.body.find(kFilledCode), std::string::npos);
}

TEST_P(ReferentialReplicaTest, LockFilesLeftByAKilledWriterNeitherStopTheServerNorLaterWrites) {
  { Instance first(*database_, ""); }
  // What a kill -9 in the middle of ref updates leaves: locks on main, on the
  // next tag and on the next proposal's ref.
  fs::create_directories(repository() + "/refs/tags/fabrication-additive");
  fs::create_directories(repository() + "/refs/proposals");
  for (const char* lock : {"/refs/heads/main.lock", "/refs/tags/fabrication-additive/v2.lock",
                           "/refs/proposals/1.lock", "/packed-refs.lock"}) {
    std::ofstream(repository() + lock) << "0000000000000000000000000000000000000000\n";
  }
  Instance second(*database_, "");
  EXPECT_FALSE(fs::exists(repository() + "/refs/heads/main.lock"));
  ASSERT_EQ(publishFilledCode(second.client()).status, 200);
  const auto commits = versionCommits(second.client());
  ASSERT_EQ(commits.size(), 2u);
  EXPECT_EQ(stockGit(repository(), "rev-parse 'fabrication-additive/v2^{commit}'").second, commits[1] + "\n");
  EXPECT_EQ(stockGit(repository(), "rev-parse refs/proposals/1").first, 0);

  // A lock appearing while the server runs (a writer killed at that instant) is cleared too.
  std::ofstream(repository() + "/refs/heads/main.lock") << "stale\n";
  const auto client = second.client();
  const std::string employer = client.login("gtp-employeur");
  auto referential = copyOf(client.get("/api/v1/cqpms/qualite", employer).json()->getObject("referential"));
  auto mission = referential->getArray("mission");
  mission->set(0, mission->getElement<std::string>(0) + " (précisé)");
  const auto proposed = client.postJson("/api/v1/cqpms/qualite/proposals",
                                        proposalBody(referential, "Mission précisée."), employer);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::string path =
      "/api/v1/proposals/" + std::to_string(proposed.json()->getValue<std::int64_t>("id"));
  ASSERT_EQ(client.postJson(path + "/approve", "{}", client.login("gtp-salarie")).status, 200);
  const auto published = client.postJson(path + "/publish", "{}", employer);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(stockGit(repository(), "rev-parse main").second,
            stockGit(repository(), "rev-parse 'qualite/v2^{commit}'").second);
}

TEST_P(ReferentialReplicaTest, ACommitTheDatabaseNeverRecordedIsNeverPublished) {
  std::string main_before;
  {
    Instance first(*database_, "");
    main_before = stockGit(repository(), "rev-parse main").second;
  }
  // What a publication that failed before its SQL transaction leaves in git: a
  // "version 2" commit on main and its tag, which no client was ever told of.
  const std::string commit = stockGit(repository(),
                                      "-c user.name=Test -c user.email=test@example.org commit-tree -p main "
                                      "-m 'fabrication-additive: version 2' 'main^{tree}'")
                                 .second;
  ASSERT_EQ(commit.size(), 41u) << commit;
  ASSERT_EQ(stockGit(repository(), "update-ref refs/heads/main " + commit).first, 0);
  ASSERT_EQ(stockGit(repository(), "tag fabrication-additive/v2 " + commit).first, 0);

  Instance second(*database_, "");
  EXPECT_EQ(stockGit(repository(), "rev-parse main").second, main_before);
  EXPECT_NE(stockGit(repository(), "rev-parse -q --verify refs/tags/fabrication-additive/v2").first, 0);
  EXPECT_EQ(versionCommits(second.client()).size(), 1u);
  ASSERT_EQ(publishFilledCode(second.client()).status, 200);
  const auto log = stockGit(repository(), "log --format=%s main").second;
  EXPECT_EQ(log.find("fabrication-additive: version 2"), log.rfind("fabrication-additive: version 2")) << log;
}

TEST_P(ReferentialReplicaTest, EveryInstanceServesWhatAnotherPublished) {
  const std::string other = otherFolder();
  Instance first(*database_, "");
  Instance second(*database_, other);
  ASSERT_EQ(publishFilledCode(first.client()).status, 200);

  const auto client = second.client();
  const std::string auditor = client.login("gtp-salarie");
  EXPECT_EQ(versionCommits(client), versionCommits(first.client()));
  const auto v2 = client.get("/api/v1/cqpms/fabrication-additive/versions/2", auditor);
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_NE(v2.body.find(kFilledCode), std::string::npos);
  const auto diff = client.get("/api/v1/cqpms/fabrication-additive/diff?from=1&to=2", auditor);
  ASSERT_EQ(diff.status, 200) << diff.body;
  EXPECT_NE(diff.body.find(kFilledCode), std::string::npos);
  // The dumb-protocol refs the second instance serves name the version the first one published.
  HttpAnswer refs =
      client.request("GET", "/git/referentials.git/info/refs", {}, {{"Authorization", "Bearer " + auditor}});
  ASSERT_EQ(refs.status, 200) << refs.body;
  EXPECT_NE(refs.body.find(versionCommits(client)[1] + "\trefs/tags/fabrication-additive/v2^{}"),
            std::string::npos)
      << refs.body;
  // A file registered on the second instance is pinned to version 2 and its
  // referential read from the second instance's repository.
  EXPECT_EQ(stockGit(repository(other), "rev-parse 'fabrication-additive/v2^{commit}'").second,
            versionCommits(client)[1] + "\n");
}

TEST_P(ReferentialReplicaTest, AFailedPublicationLeavesNothingAndCanBeRetried) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "the failure is injected with a SQLite trigger";
  Instance server(*database_, "");
  const auto client = server.client();
  const std::string employer = client.login("gtp-employeur");
  const std::string main_before = stockGit(repository(), "rev-parse main").second;
  const std::string path = approvedFilledCode(client);
  // The index row's insert fails, as on a full disk, after git objects were written.
  server.server.database().write([](store::SqlSession& sql) {
    sql.statement(
           "CREATE TRIGGER refuse_versions BEFORE INSERT ON referential_versions "
           "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        .execute();
  });
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.postJson(path + "/publish", "{}", employer).status, 500);
  EXPECT_EQ(versionCommits(client).size(), 1u);
  EXPECT_EQ(stockGit(repository(), "rev-parse main").second, main_before);
  EXPECT_NE(stockGit(repository(), "rev-parse -q --verify refs/tags/fabrication-additive/v2").first, 0);
  EXPECT_EQ(client.get(path, employer).json()->getValue<std::string>("state"), "approved");

  server.server.database().write(
      [](store::SqlSession& sql) { sql.statement("DROP TRIGGER refuse_versions").execute(); });
  ASSERT_EQ(client.postJson(path + "/publish", "{}", employer).status, 200);
  const auto log = stockGit(repository(), "log --format=%s main").second;
  EXPECT_EQ(log.find("fabrication-additive: version 2"), log.rfind("fabrication-additive: version 2")) << log;
  EXPECT_EQ(versionCommits(client).size(), 2u);
}

TEST_P(ReferentialReplicaTest, InstancesStartedTogetherOnAnEmptyDatabaseAllComeUp) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "SQLite: one server per data folder, hence per database";
  constexpr int kInstances = 3;
  std::vector<std::string> folders;
  for (int i = 0; i < kInstances; ++i) folders.push_back(otherFolder());
  std::vector<std::unique_ptr<app::Server>> servers(kInstances);
  std::vector<std::string> errors(kInstances);
  std::vector<std::thread> starting;
  for (int i = 0; i < kInstances; ++i) {
    starting.emplace_back([&, i] {
      try {
        servers[i] = std::make_unique<app::Server>(instanceConfig(*database_, folders[i]));
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& thread : starting) thread.join();
  for (int i = 0; i < kInstances; ++i) {
    EXPECT_EQ(errors[i], "") << "instance " << i;
    if (!servers[i]) continue;
    // Each CQPM was seeded once, and every instance sees the same version 1.
    const auto versions = servers[i]->referentials().versions("qualite");
    ASSERT_EQ(versions.size(), 1u) << "instance " << i;
    EXPECT_EQ(versions[0].commit_id,
              servers[0] ? servers[0]->referentials().versions("qualite")[0].commit_id : "");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialReplicaTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
