// The README's walk through the API is the first thing a newcomer pastes. Every block marked
// `<!-- walk -->`, in order and as written, runs here in one bash (-e, -u: an unset variable or a
// failed step stops it) against a fresh demo server, and must take a new candidate from
// registration to a certificate that verifies.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_database.h"
#include "support/test_server.h"

namespace cqpm::testing {
namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The shell blocks that follow a `<!-- walk -->` line, in the README's order.
std::vector<std::string> walkBlocks(const std::string& readme) {
  std::vector<std::string> blocks;
  std::istringstream lines(readme);
  bool marked = false, inside = false;
  std::string block;
  for (std::string line; std::getline(lines, line);) {
    if (inside) {
      if (line == "```") {
        blocks.push_back(block);
        block.clear();
        inside = marked = false;
      } else {
        block += line + "\n";
      }
    } else if (line == "<!-- walk -->") {
      marked = true;
    } else if (marked && line == "```sh") {
      inside = true;
    } else if (marked && !line.empty()) {
      marked = false;  // a marker must sit right above its block
    }
  }
  return blocks;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The walk's curl, but a refused request stops the walk (exit 22) unless the walk asks for the
// status itself (-w), and no request may hang the test.
constexpr const char* kPreamble = R"(curl() {
  case " $* " in
    *" -w "*) command curl --max-time 60 "$@" ;;
    *) command curl --max-time 60 --fail-with-body "$@" ;;
  esac
}
)";

TEST(ReadmeWalkTest, TheWalkRunsAsWrittenFromRegistrationToAVerifiedCertificate) {
  const std::string readme = readText((std::filesystem::path(CQPM_SOURCE_ROOT) / "README.md").string());
  const auto blocks = walkBlocks(readme);
  // The walk's nine blocks and those of the later sections that go on from it.
  ASSERT_GE(blocks.size(), 16u) << "the README lost some of its `<!-- walk -->` markers";

  TestServer server("sqlite");
  const std::string folder = makeTempDir("cqpm-readme-walk");
  std::string script = kPreamble;
  for (const auto& block : blocks) script += block;
  ASSERT_NE(script.find("localhost:8080"), std::string::npos);
  script = replaceAll(script, "localhost:8080", "127.0.0.1:" + std::to_string(server.port()));
  std::ofstream(folder + "/walk.sh") << script;

  const std::string command = "cd '" + folder + "' && timeout 300 bash -euo pipefail walk.sh > walk.out 2>&1";
  const int status = std::system(command.c_str());
  const std::string output = readText(folder + "/walk.out");
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the walk stopped:\n" << output;

  // What the walk's comments promise.
  EXPECT_NE(output.find("\n404\n"), std::string::npos) << output;  // another centre does not see the file
  EXPECT_NE(output.find("\n409\n"), std::string::npos) << output;  // a stale version is refused
  EXPECT_NE(output.find("\npublished\ncertified\n"), std::string::npos) << output;
  EXPECT_NE(output.find(R"("status": "valid")"), std::string::npos) << output;
  EXPECT_NE(output.find(R"("holder_name": "Inès Durand")"), std::string::npos) << output;
  for (const char* pdf : {"pv.pdf", "certificat.pdf"})
    EXPECT_EQ(readText(folder + "/" + pdf).rfind("%PDF-", 0), 0u) << pdf;
  EXPECT_NE(readText(folder + "/resultats.csv").find("Durand"), std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST(ReadmeWalkTest, OnlyBlocksRightUnderAMarkerBelongToTheWalk) {
  const auto blocks = walkBlocks(
      "<!-- walk -->\n```sh\necho one\n```\n\n```sh\necho not\n```\n"
      "<!-- walk -->\nprose between\n```sh\necho neither\n```\n"
      "<!-- walk -->\n\n```sh\necho two\n```\n");
  EXPECT_EQ(blocks, (std::vector<std::string>{"echo one\n", "echo two\n"}));
}

}  // namespace
}  // namespace cqpm::testing
