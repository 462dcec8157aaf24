#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "app/command_run.h"
#include "support/test_database.h"

namespace cqpm::testing {
namespace {

CommandRun run(const std::vector<std::string>& args) { return runCqpm(args); }

TEST(CliTest, HelpPrintsUsageAndExitsZero) {
  const CommandRun help = run({"--help"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_NE(help.out.find("serve"), std::string::npos);
  EXPECT_NE(help.out.find("--database"), std::string::npos);
}

TEST(CliTest, AnUnknownCommandIsAUsageError) {
  const CommandRun unknown = run({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 64);
  EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos) << unknown.err;
}

TEST(CliTest, PluginListAndCheckReportEachPlugin) {
  const CommandRun list = run({"plugin", "list", std::string(CQPM_SOURCE_ROOT) + "/plugins"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("maintenance-productive  1.0.0  3 blocs, 8 competencies, 3 bloc code(s) missing"),
            std::string::npos)
      << list.out;
  const CommandRun good = run({"plugin", "check", std::string(CQPM_SOURCE_ROOT) + "/plugins/qualite"});
  EXPECT_EQ(good.exit_code, 0) << good.err;
  const std::string dir = makeTempDir("cqpm-cli");
  std::ofstream(dir + "/manifest.json") << R"({"id":"x"})";
  const CommandRun bad = run({"plugin", "check", dir});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("manifest.json"), std::string::npos) << bad.err;
  std::system(("rm -rf " + dir).c_str());
}

TEST(CliTest, ServeRefusesABadConfigurationWithAClearMessage) {
  const std::string dir = makeTempDir("cqpm-cli");
  std::ofstream(dir + "/cqpm.properties") << "cqpm.port = 70000\n";
  const CommandRun bad = run({"serve", "--data", dir, "--config", dir + "/cqpm.properties"});
  EXPECT_EQ(bad.exit_code, 78);  // EX_CONFIG
  EXPECT_NE(bad.err.find("--port must be between 0 and 65535"), std::string::npos) << bad.err;
  const CommandRun bad_url = run({"serve", "--data", dir, "--database", "mysql://nope/x"});
  EXPECT_EQ(bad_url.exit_code, 78);
  EXPECT_NE(bad_url.err.find("postgresql://"), std::string::npos) << bad_url.err;
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace cqpm::testing
