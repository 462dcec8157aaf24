#include <gtest/gtest.h>

#include "git_test_support.h"

namespace cqpm::git {
namespace {

using namespace test_support;
using GitCliTest = GitRepositoryTest;

const std::string kQualite = readText(std::string(CQPM_SOURCE_ROOT) + "/plugins/qualite/referential.json");

/// main with two CQPM folders, a second commit, a proposal ref and two tags.
std::string populate(ReferentialRepository& repository) {
  const std::string first = repository.commitFiles(
      kMain, std::nullopt, {{"qualite/referential.json", kQualite}, {"securite/referential.json", "{}\n"}},
      kAlice, "Create qualite and securite\n");
  const std::string second =
      repository.commitFiles(kMain, first, {{"securite/referential.json", "{\"v\": 2}\n"}}, kBob,
                             "Reword securite\n\nApproved-by: Alice Martin <alice@example.org>\n");
  repository.tag("qualite/v1", first, kAlice, "Qualite v1\n");
  repository.tag("securite/v2", second, kBob, "Securite v2\n");
  repository.createRef("refs/proposals/1", first);
  return second;
}

TEST_F(GitCliTest, FsckStrictFindsNoError) {
  ASSERT_FALSE(kQualite.empty());
  auto repository = open();
  populate(repository);
  const auto [status, output] = git("fsck --strict");
  EXPECT_EQ(status, 0) << output;
  EXPECT_EQ(output, "") << output;
}

TEST_F(GitCliTest, LogShowsAuthorsAndMessages) {
  auto repository = open();
  populate(repository);
  const auto [status, output] = git("log --format=%an%n%s main");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(output, "Bob Durand\nReword securite\nAlice Martin\nCreate qualite and securite\n");
  EXPECT_EQ(git("log -1 '--format=%(trailers:key=Approved-by,valueonly)' main").second,
            "Alice Martin <alice@example.org>\n\n");
}

TEST_F(GitCliTest, ShowPrintsTheFileContent) {
  auto repository = open();
  populate(repository);
  const auto [status, output] = git("show main:qualite/referential.json");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(output, kQualite);
  EXPECT_EQ(git("show qualite/v1:qualite/referential.json").second, kQualite);
}

TEST_F(GitCliTest, CloneOverFileUrlChecksOutMain) {
  auto repository = open();
  const std::string tip = populate(repository);
  const std::string clone = (dir_ / "clone").string();
  const auto [status, output] =
      run(gitEnvironment() + "git clone --quiet 'file://" + path_ + "' '" + clone + "'");
  ASSERT_EQ(status, 0) << output;
  EXPECT_EQ(readText(clone + "/qualite/referential.json"), kQualite);
  EXPECT_EQ(run(gitEnvironment() + "git -C '" + clone + "' rev-parse HEAD").second, tip + "\n");
  EXPECT_EQ(run(gitEnvironment() + "git -C '" + clone + "' tag -l").second, "qualite/v1\nsecurite/v2\n");
}

TEST_F(GitCliTest, InfoRefsAndPacksMatchUpdateServerInfo) {
  auto repository = open();
  populate(repository);
  ASSERT_EQ(git("update-server-info").first, 0);
  EXPECT_EQ(repository.infoRefs(), readText(path_ + "/info/refs"));
  EXPECT_EQ(repository.packsInfo(), readText(path_ + "/objects/info/packs"));
  EXPECT_NE(repository.infoRefs().find("\trefs/tags/qualite/v1^{}\n"), std::string::npos);

  ASSERT_EQ(git("repack -a -d -q").first, 0);
  ASSERT_EQ(git("pack-refs --all").first, 0);
  repository.commitFiles(kMain, repository.resolve(kMain), {{"qualite/referential.json", "{}\n"}}, kAlice,
                         "loose");
  ASSERT_EQ(git("update-server-info").first, 0);
  EXPECT_EQ(repository.infoRefs(), readText(path_ + "/info/refs"));
  EXPECT_EQ(repository.packsInfo(), readText(path_ + "/objects/info/packs"));
  EXPECT_EQ(repository.packsInfo().rfind("P pack-", 0), 0u);
}

TEST_F(GitCliTest, ReadsWhatTheGitCliWrote) {
  auto repository = open();
  const std::string tip = populate(repository);
  ASSERT_EQ(git("-c user.name=Cli -c user.email=cli@example.org tag -a -m 'by the CLI' cli/v1 main").first,
            0);
  EXPECT_EQ(repository.resolve("cli/v1"), tip);
  ASSERT_EQ(git("repack -a -d -q").first, 0);
  ASSERT_EQ(git("pack-refs --all").first, 0);
  EXPECT_EQ(repository.readFile(tip, "qualite/referential.json"), kQualite);
  EXPECT_EQ(repository.tags("").size(), 3u);
  const std::string next =
      repository.commitFiles(kMain, tip, {{"qualite/referential.json", "{}\n"}}, kAlice, "x");
  EXPECT_EQ(git("rev-parse main").second, next + "\n");
}

}  // namespace
}  // namespace cqpm::git
