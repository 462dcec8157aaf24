#include <gtest/gtest.h>

#include <chrono>

#include "git_test_support.h"

namespace cqpm::git {
namespace {

using namespace test_support;
using RepositoryTest = GitRepositoryTest;

TEST_F(RepositoryTest, InitialiseTwiceIsHarmless) {
  auto repository = open();
  const std::string first = repository.commitFiles(
      kMain, std::nullopt, {{"qualite/referential.json", "{}\n"}}, kAlice, "Create qualite\n");
  ReferentialRepository::initialise(path_);
  EXPECT_EQ(open().resolve("main"), first);
  EXPECT_EQ(readText(std::filesystem::path(path_) / "HEAD"), "ref: refs/heads/main\n");
  EXPECT_EQ(git("config core.bare").second, "true\n");
}

TEST_F(RepositoryTest, InitialiseCreatesMissingParentFolders) {
  const std::string nested = (dir_ / "a" / "b" / "store.git").string();
  ReferentialRepository::initialise(nested);
  EXPECT_EQ(ReferentialRepository::open(nested).resolve("main"), std::nullopt);
}

TEST_F(RepositoryTest, OpenRefusesAFolderThatIsNotARepository) {
  EXPECT_EQ(errorCodeOf([&] { ReferentialRepository::open(dir_.string()); }), ErrorCode::kStorage);
}

TEST_F(RepositoryTest, ChangingOneFolderLeavesTheOtherFoldersObjectsUntouched) {
  auto repository = open();
  const std::string first = repository.commitFiles(kMain, std::nullopt,
                                                   {{"qualite/referential.json", "{\"v\": 1}\n"},
                                                    {"qualite/rules/guards.lua", "return {}\n"},
                                                    {"securite/referential.json", "{\"s\": 1}\n"}},
                                                   kAlice, "Create qualite and securite\n");
  const std::string second = repository.commitFiles(
      kMain, first, {{"qualite/referential.json", "{\"v\": 2}\n"}}, kBob, "Reword qualite\n");
  EXPECT_EQ(git("rev-parse " + first + ":securite").second, git("rev-parse " + second + ":securite").second);
  EXPECT_EQ(git("rev-parse " + first + ":qualite/rules").second,
            git("rev-parse " + second + ":qualite/rules").second);
  EXPECT_NE(git("rev-parse " + first + ":qualite").second, git("rev-parse " + second + ":qualite").second);
  EXPECT_EQ(repository.readFile(second, "qualite/referential.json"), "{\"v\": 2}\n");
  EXPECT_EQ(repository.readFile(second, "qualite/rules/guards.lua"), "return {}\n");
  EXPECT_EQ(repository.readFile(second, "securite/referential.json"), "{\"s\": 1}\n");
  EXPECT_EQ(repository.commitInfo(second).parents, std::vector<std::string>{first});
}

TEST_F(RepositoryTest, StaleExpectedTipThrowsConflictAndLeavesTheRef) {
  auto repository = open();
  const std::string first =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/a.json", "1"}}, kAlice, "one");
  const std::string second = repository.commitFiles(kMain, first, {{"qualite/a.json", "2"}}, kAlice, "two");
  EXPECT_EQ(errorCodeOf([&] {
              repository.commitFiles(kMain, first, {{"qualite/a.json", "3"}}, kBob, "stale");
            }),
            ErrorCode::kConflict);
  EXPECT_EQ(errorCodeOf([&] {
              repository.commitFiles(kMain, std::nullopt, {{"qualite/a.json", "3"}}, kBob, "new");
            }),
            ErrorCode::kConflict);
  EXPECT_EQ(repository.resolve(kMain), second);
  EXPECT_EQ(errorCodeOf([&] {
              repository.commitFiles("refs/proposals/1", second, {{"qualite/a.json", "3"}}, kBob, "absent");
            }),
            ErrorCode::kConflict);
  EXPECT_EQ(repository.resolve("refs/proposals/1"), std::nullopt);
  EXPECT_EQ(repository.refs("refs/"), std::vector<std::string>{kMain});
}

TEST_F(RepositoryTest, AnotherInstanceSeesTheMovedRefAsAConflict) {
  auto mine = open();
  auto theirs = open();
  const std::string first = mine.commitFiles(kMain, std::nullopt, {{"qualite/a.json", "1"}}, kAlice, "one");
  const std::string second = theirs.commitFiles(kMain, first, {{"qualite/a.json", "2"}}, kBob, "two");
  EXPECT_EQ(errorCodeOf([&] {
              mine.commitFiles(kMain, first, {{"qualite/a.json", "3"}}, kAlice, "three");
            }),
            ErrorCode::kConflict);
  EXPECT_EQ(mine.resolve("main"), second);
}

TEST_F(RepositoryTest, TagsResolveAndListByPrefix) {
  auto repository = open();
  const std::string first =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/r.json", "1"}}, kAlice, "v1");
  const std::string second = repository.commitFiles(kMain, first, {{"qualite/r.json", "2"}}, kAlice, "v2");
  repository.tag("qualite/v1", first, kAlice, "Qualite v1\n");
  repository.tag("qualite/v2", second, kBob, "Qualite v2\n");
  repository.tag("securite/v1", second, kBob, "Securite v1\n");

  EXPECT_EQ(repository.resolve("qualite/v1"), first);
  EXPECT_EQ(repository.resolve("refs/tags/qualite/v2"), second);
  EXPECT_EQ(repository.resolve("main"), second);
  EXPECT_EQ(repository.resolve("qualite/v9"), std::nullopt);
  EXPECT_EQ(repository.tags("qualite/"), (std::vector<std::pair<std::string, std::string>>{
                                             {"qualite/v1", first}, {"qualite/v2", second}}));
  EXPECT_EQ(repository.tags("").size(), 3u);
  EXPECT_EQ(errorCodeOf([&] { repository.tag("qualite/v2", first, kAlice, "again"); }), ErrorCode::kConflict);
  EXPECT_EQ(repository.resolve("qualite/v2"), second);
  EXPECT_EQ(git("cat-file -t qualite/v2").second, "tag\n");
}

TEST_F(RepositoryTest, TagRefusesAnUnknownCommitAndABadName) {
  auto repository = open();
  const std::string first =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/r.json", "1"}}, kAlice, "v1");
  EXPECT_EQ(errorCodeOf([&] { repository.tag("qualite/v1", std::string(40, 'a'), kAlice, "x"); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(errorCodeOf([&] { repository.tag("qualite/../v1", first, kAlice, "x"); }),
            ErrorCode::kInvalidField);
  EXPECT_EQ(errorCodeOf([&] { repository.tag("", first, kAlice, "x"); }), ErrorCode::kInvalidField);
}

TEST_F(RepositoryTest, ReadFileAtAnOldCommit) {
  auto repository = open();
  const std::string first =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/r.json", "old"}}, kAlice, "1");
  const std::string second = repository.commitFiles(kMain, first, {{"qualite/r.json", "new"}}, kAlice, "2");
  EXPECT_EQ(repository.readFile(first, "qualite/r.json"), "old");
  EXPECT_EQ(repository.readFile(second, "qualite/r.json"), "new");
  EXPECT_EQ(repository.readFile(first, "qualite/missing.json"), std::nullopt);
  EXPECT_EQ(repository.readFile(first, "qualite"), std::nullopt);
  EXPECT_EQ(errorCodeOf([&] { repository.readFile(std::string(40, 'b'), "qualite/r.json"); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(errorCodeOf([&] { repository.readFile("main", "qualite/r.json"); }), ErrorCode::kInvalidField);
}

TEST_F(RepositoryTest, BinaryContentRoundTrips) {
  auto repository = open();
  const std::string bytes("a\0b\xff\n", 5);
  const std::string id =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/blob.bin", bytes}}, kAlice, "bin");
  EXPECT_EQ(repository.readFile(id, "qualite/blob.bin"), bytes);
}

TEST_F(RepositoryTest, CommitWithTreeFromReplacesOnlyTheFolder) {
  auto repository = open();
  const std::string base = repository.commitFiles(
      kMain, std::nullopt, {{"qualite/r.json", "q1"}, {"securite/r.json", "s1"}}, kAlice, "Create");
  const std::string proposal_ref = "refs/proposals/7";
  repository.createRef(proposal_ref, base);
  const std::string proposed = repository.commitFiles(
      proposal_ref, base,
      {{"qualite/r.json", "q2"}, {"qualite/new.json", "n"}, {"securite/r.json", "s-draft"}}, kBob,
      "Propose qualite v2");
  const std::string main_tip = repository.commitFiles(kMain, base, {{"securite/r.json", "s2"}}, kAlice, "s2");

  const std::string published = repository.commitWithTreeFrom(
      kMain, main_tip, proposed, "qualite", kAlice, "Publish qualite v2\n\nApproved-by: Bob Durand\n");
  EXPECT_EQ(repository.resolve("main"), published);
  EXPECT_EQ(repository.readFile(published, "qualite/r.json"), "q2");
  EXPECT_EQ(repository.readFile(published, "qualite/new.json"), "n");
  EXPECT_EQ(repository.readFile(published, "securite/r.json"), "s2");
  EXPECT_EQ(git("rev-parse " + published + ":qualite").second,
            git("rev-parse " + proposed + ":qualite").second);
  EXPECT_EQ(git("rev-parse " + published + ":securite").second,
            git("rev-parse " + main_tip + ":securite").second);
  EXPECT_EQ(repository.commitInfo(published).parents, std::vector<std::string>{main_tip});

  EXPECT_EQ(
      errorCodeOf([&] { repository.commitWithTreeFrom(kMain, main_tip, proposed, "qualite", kAlice, "x"); }),
      ErrorCode::kConflict);
  EXPECT_EQ(
      errorCodeOf([&] { repository.commitWithTreeFrom(kMain, published, proposed, "absent", kAlice, "x"); }),
      ErrorCode::kNotFound);
  EXPECT_EQ(errorCodeOf([&] {
              repository.commitWithTreeFrom(kMain, published, proposed, "qualite/r.json", kAlice, "x");
            }),
            ErrorCode::kNotFound);
}

TEST_F(RepositoryTest, CommitInfoKeepsTheMessageAndTrailersVerbatim) {
  auto repository = open();
  const auto before = std::chrono::system_clock::now();
  const std::string message =
      "Publish qualite v2\n\nApproved-by: Alice Martin <alice@example.org>\n"
      "Approved-by: Bob Durand <bob@example.org>\n";
  const std::string id =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/r.json", "1"}}, kBob, message);
  const auto info = repository.commitInfo(id);
  EXPECT_EQ(info.id, id);
  EXPECT_EQ(info.author_name, "Bob Durand");
  EXPECT_EQ(info.author_email, "bob@example.org");
  EXPECT_EQ(info.message, message);
  EXPECT_TRUE(info.parents.empty());
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(before.time_since_epoch()).count();
  EXPECT_GE(info.time, seconds - 1);
  EXPECT_LE(info.time, seconds + 60);
  EXPECT_EQ(git("log -1 --format=%cn%n%ce main").second, "Bob Durand\nbob@example.org\n");
}

TEST_F(RepositoryTest, RefsListByPrefixAndDeleteRef) {
  auto repository = open();
  const std::string base =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/r.json", "1"}}, kAlice, "1");
  repository.createRef("refs/proposals/2", base);
  repository.createRef("refs/proposals/10", base);
  EXPECT_EQ(errorCodeOf([&] { repository.createRef("refs/proposals/2", base); }), ErrorCode::kConflict);
  EXPECT_EQ(repository.refs("refs/proposals/"),
            (std::vector<std::string>{"refs/proposals/10", "refs/proposals/2"}));
  repository.deleteRef("refs/proposals/2");
  repository.deleteRef("refs/proposals/2");
  EXPECT_EQ(repository.refs("refs/proposals/"), std::vector<std::string>{"refs/proposals/10"});
  EXPECT_EQ(repository.resolve("refs/proposals/2"), std::nullopt);
}

TEST_F(RepositoryTest, DeleteRefAlsoRemovesAPackedRef) {
  auto repository = open();
  const std::string base =
      repository.commitFiles(kMain, std::nullopt, {{"qualite/r.json", "1"}}, kAlice, "1");
  repository.createRef("refs/proposals/3", base);
  ASSERT_EQ(git("pack-refs --all").first, 0);
  repository.deleteRef("refs/proposals/3");
  EXPECT_EQ(repository.refs("refs/proposals/"), std::vector<std::string>{});
  EXPECT_EQ(git("show-ref").second, base + " refs/heads/main\n");
}

TEST_F(RepositoryTest, RefusesMalformedInput) {
  auto repository = open();
  const auto refused = [&](const std::string& ref, const std::vector<FileChange>& files,
                           const Author& author) {
    return errorCodeOf([&] { repository.commitFiles(ref, std::nullopt, files, author, "x"); });
  };
  EXPECT_EQ(refused("main", {{"qualite/r.json", "1"}}, kAlice), ErrorCode::kInvalidField);
  EXPECT_EQ(refused("HEAD", {{"qualite/r.json", "1"}}, kAlice), ErrorCode::kInvalidField);
  for (const char* path : {"", "/qualite/r.json", "qualite//r.json", "qualite/", "../r.json",
                           "qualite/./r.json", ".git/config", "qualite/.GIT/x"}) {
    EXPECT_EQ(refused(kMain, {{path, "1"}}, kAlice), ErrorCode::kInvalidField) << path;
  }
  EXPECT_EQ(refused(kMain, {{"qualite/r.json", "1"}, {"qualite/r.json", "2"}}, kAlice),
            ErrorCode::kInvalidField);
  EXPECT_EQ(refused(kMain, {{"qualite", "1"}, {"qualite/r.json", "2"}}, kAlice), ErrorCode::kInvalidField);
  EXPECT_EQ(refused(kMain, {{"qualite/r.json", "2"}, {"qualite", "1"}}, kAlice), ErrorCode::kInvalidField);
  EXPECT_EQ(refused(kMain, {{"qualite/r.json", "1"}}, Author{"Eve <x>", "e@x"}), ErrorCode::kInvalidField);
  EXPECT_EQ(refused(kMain, {{"qualite/r.json", "1"}}, Author{"", "e@x"}), ErrorCode::kInvalidField);
  EXPECT_EQ(errorCodeOf([&] {
              repository.commitFiles(kMain, "abc", {{"qualite/r.json", "1"}}, kAlice, "x");
            }),
            ErrorCode::kInvalidField);
  EXPECT_EQ(repository.resolve(kMain), std::nullopt);
}

TEST_F(RepositoryTest, AFileCanBecomeAFolderInALaterCommit) {
  auto repository = open();
  const std::string first = repository.commitFiles(kMain, std::nullopt, {{"notes", "flat"}}, kAlice, "1");
  const std::string second = repository.commitFiles(kMain, first, {{"notes/a.md", "nested"}}, kAlice, "2");
  EXPECT_EQ(repository.readFile(second, "notes/a.md"), "nested");
  EXPECT_EQ(repository.readFile(second, "notes"), std::nullopt);
}

}  // namespace
}  // namespace cqpm::git
