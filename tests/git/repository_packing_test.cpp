// repack(): loose objects into packs, a few packs consolidated into one, and
// stock git reading the result.

#include <gtest/gtest.h>

#include <filesystem>

#include "git_test_support.h"

namespace cqpm::git {
namespace {

using namespace test_support;
using RepackTest = GitRepositoryTest;

std::size_t filesEndingIn(const std::filesystem::path& folder, const std::string& suffix) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().string().ends_with(suffix)) ++count;
  return count;
}

std::size_t looseFiles(const std::filesystem::path& repository) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(repository / "objects")) {
    const std::string folder = entry.path().parent_path().filename().string();
    if (entry.is_regular_file() && folder.size() == 2) ++count;
  }
  return count;
}

TEST_F(RepackTest, LooseObjectsGoIntoAPackThatGitReads) {
  auto repository = open();
  std::optional<std::string> tip;
  for (int version = 1; version <= 3; ++version)
    tip = repository.commitFiles(kMain, tip, {{"qualite/referential.json", std::to_string(version)}}, kAlice,
                                 "version " + std::to_string(version) + "\n");
  repository.tag("qualite/v3", *tip, kAlice, "v3\n");
  const std::size_t loose = looseFiles(path_);
  ASSERT_GT(loose, 0u);

  const auto packed = repository.repack();
  EXPECT_EQ(packed.loose_removed, loose);
  EXPECT_EQ(packed.objects, loose);
  EXPECT_EQ(looseFiles(path_), 0u);
  const std::filesystem::path pack_dir = std::filesystem::path(path_) / "objects" / "pack";
  EXPECT_EQ(filesEndingIn(pack_dir, ".pack"), 1u);
  EXPECT_EQ(filesEndingIn(pack_dir, ".idx"), 1u);
  EXPECT_EQ(repository.packsInfo(), "P " + packed.pack + "\n\n");
  EXPECT_EQ(git("fsck --strict --no-dangling").first, 0);
  EXPECT_EQ(open().readFile(*tip, "qualite/referential.json"), "3");
  EXPECT_EQ(repository.repack().pack, "");  // nothing loose: nothing to do
}

TEST_F(RepackTest, BeyondMaxPacksEveryObjectGoesIntoOnePack) {
  auto repository = open();
  std::optional<std::string> tip;
  const std::filesystem::path pack_dir = std::filesystem::path(path_) / "objects" / "pack";
  for (int version = 1; version <= 3; ++version) {
    tip = repository.commitFiles(kMain, tip, {{"qualite/referential.json", std::to_string(version)}}, kAlice,
                                 "version " + std::to_string(version) + "\n");
    repository.repack(3);
  }
  EXPECT_EQ(filesEndingIn(pack_dir, ".pack"), 3u);  // one a packing
  tip = repository.commitFiles(kMain, tip, {{"qualite/referential.json", "4"}}, kAlice, "version 4\n");
  const auto consolidated = repository.repack(3);
  EXPECT_EQ(consolidated.packs_removed, 3u);
  EXPECT_EQ(consolidated.objects, 4u * 4u);  // each version: a blob, two trees, a commit
  EXPECT_EQ(filesEndingIn(pack_dir, ".pack"), 1u);
  EXPECT_EQ(filesEndingIn(pack_dir, ".idx"), 1u);
  EXPECT_EQ(looseFiles(path_), 0u);
  EXPECT_EQ(git("fsck --strict --no-dangling").first, 0);
  EXPECT_EQ(git("rev-list --count main").second, "4\n");
}

}  // namespace
}  // namespace cqpm::git
