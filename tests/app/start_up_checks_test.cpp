// What the server refuses at start rather than guess: a data folder that is a
// file, one another server holds, an empty database beside a folder that
// already holds referentials or documents. Each answers at once with a message
// naming the fault; command-line options win over the configuration file.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/command_run.h"
#include "app/server.h"
#include "common/error.h"
#include "support/instance.h"
#include "support/test_database.h"

namespace cqpm::testing {
namespace {

namespace fs = std::filesystem;

app::ServerConfig configIn(const std::string& data_dir) { return serverConfigIn(data_dir); }

class StartUpChecksTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = makeTempDir("cqpm-start"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(StartUpChecksTest, ADataFolderThatIsAFileIsRefusedAtOnce) {
  const std::string file = dir_ + "/not-a-folder";
  std::ofstream(file) << "x";
  const CommandRun run = runCqpm({"serve", "--data", file, "--port", "0"});
  EXPECT_EQ(run.exit_code, 78);  // EX_CONFIG
  EXPECT_NE(run.err.find("the data folder " + file + " is not a folder"), std::string::npos) << run.err;
}

TEST_F(StartUpChecksTest, AWorkflowWithoutAStateTheServerReliesOnStopsTheStartNamingIt) {
  // A share folder whose workflow renamed "in_deliberation": valid on its own, fatal to the jury services.
  const std::string share = dir_ + "/share";
  fs::create_directories(share);
  for (const char* folder : {"schemas", "plugins", "workflows"}) {
    fs::copy(std::string(CQPM_SOURCE_ROOT) + "/" + folder, share + "/" + folder, fs::copy_options::recursive);
  }
  const std::string workflow = share + "/workflows/candidate-file.json";
  std::string text;
  {
    std::ifstream in(workflow);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (std::size_t at = text.find("\"in_deliberation\""); at != std::string::npos;
       at = text.find("\"in_deliberation\"", at)) {
    text.replace(at, 17, "\"deliberating\"");
  }
  std::ofstream(workflow, std::ios::trunc) << text;
  const CommandRun run = runCqpm({"serve", "--data", dir_ + "/data", "--port", "0", "--share", share});
  EXPECT_EQ(run.exit_code, 78);  // EX_CONFIG
  EXPECT_NE(run.err.find("no state \"in_deliberation\""), std::string::npos) << run.err;
}

TEST_F(StartUpChecksTest, ASecondServerOnTheSamePortIsRefusedInsteadOfSharingIt) {
  // Poco's listening socket also set SO_REUSEPORT: the second server started
  // and the kernel split the clients between two servers.
  app::Server first(configIn(dir_ + "/first"));
  first.start();
  const std::string port = std::to_string(first.port());
  const CommandRun run =
      runCqpm({"serve", "--data", dir_ + "/second", "--bind", "127.0.0.1", "--port", port});
  first.stop();
  EXPECT_EQ(run.exit_code, 78);  // EX_CONFIG
  EXPECT_NE(run.err.find("cannot listen on 127.0.0.1:" + port), std::string::npos) << run.err;
}

TEST_F(StartUpChecksTest, ASecondServerOnTheSameFolderIsRefusedNamingTheFirst) {
  app::Server first(configIn(dir_));
  first.start();
  // Were the folder not locked, the second would fail later, on the busy port.
  const CommandRun second =
      runCqpm({"serve", "--data", dir_, "--bind", "127.0.0.1", "--port", std::to_string(first.port())});
  first.stop();
  EXPECT_EQ(second.exit_code, 75);  // EX_TEMPFAIL
  EXPECT_NE(second.err.find("is in use by another cqpm server (pid " + std::to_string(::getpid()) + ")"),
            std::string::npos)
      << second.err;
  // In the same process too (first, stopped, still holds its folder until destroyed).
  try {
    app::Server again(configIn(dir_));
    FAIL() << "a second server started on " << dir_;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnavailable) << e.what();
  }
}

TEST_F(StartUpChecksTest, AnEmptyDatabaseBesideExistingReferentialsIsRefusedUnlessAdopted) {
  std::string v1_commit;
  {
    app::Server first(configIn(dir_));
    v1_commit = first.referentials().current("qualite").commit_id;
  }
  fs::resize_file(dir_ + "/cqpm.db", 0);  // truncated, or replaced by an empty file
  try {
    app::Server refused(configIn(dir_));
    FAIL() << "started on an empty database beside referentials.git";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(std::string(e.what()).find("already holds referentials.git"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--adopt-data"), std::string::npos) << e.what();
  }
  // Refused again at the next start: the refusal migrated nothing.
  EXPECT_THROW(app::Server again(configIn(dir_)), Error);

  auto config = configIn(dir_);
  config.adopt_data = true;
  app::Server adopted(config);
  // The versions come back from the repository, with their commits.
  EXPECT_EQ(adopted.referentials().current("qualite").commit_id, v1_commit);
}

TEST_F(StartUpChecksTest, CommandLineOptionsWinOverTheConfigurationFile) {
  const std::string file = dir_ + "/not-a-folder";
  std::ofstream(file) << "x";
  std::ofstream(dir_ + "/cqpm.properties") << "cqpm.port = 70000\ncqpm.data = " << dir_ << "/data\n";
  const CommandRun run =
      runCqpm({"serve", "--config", dir_ + "/cqpm.properties", "--port", "0", "--data", file});
  EXPECT_EQ(run.exit_code, 78);
  // --port 0 won over the file's 70000, and --data over the file's folder.
  EXPECT_EQ(run.err.find("--port must be"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(file + " is not a folder"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace cqpm::testing
