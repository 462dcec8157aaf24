#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "common/error.h"
#include "git/libgit2_runtime.h"
#include "git/referential_repository.h"

namespace cqpm::git::test_support {

using Author = ReferentialRepository::Author;
using FileChange = ReferentialRepository::FileChange;

inline const Author kAlice{"Alice Martin", "alice@example.org"};
inline const Author kBob{"Bob Durand", "bob@example.org"};
inline constexpr const char* kMain = "refs/heads/main";

inline std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Exit status and merged stdout/stderr of a shell command.
inline std::pair<int, std::string> run(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  char chunk[4096];
  std::size_t read = 0;
  while ((read = fread(chunk, 1, sizeof chunk, pipe)) > 0) output.append(chunk, read);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

/// A fresh bare referential repository in its own temp folder per test,
/// removed afterwards; the stock git CLI runs with no user or system config.
class GitRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "cqpm-git-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "referentials.git").string();
    ReferentialRepository::initialise(path_);
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  ReferentialRepository open() const { return ReferentialRepository::open(path_); }

  /// Runs the stock git CLI on the repository: `git --git-dir=<repo> <args>`.
  std::pair<int, std::string> git(const std::string& args) const {
    return run(gitEnvironment() + "git --git-dir='" + path_ + "' " + args);
  }

  std::string gitEnvironment() const {
    return "env -i PATH=\"$PATH\" HOME='" + dir_.string() + "' GIT_CONFIG_NOSYSTEM=1 LC_ALL=C ";
  }

  Libgit2Runtime runtime_;
  std::filesystem::path dir_;
  std::string path_;
};

/// Runs `call` and returns the code of the cqpm::Error it throws; fails the
/// test if it throws nothing.
template <class Call>
ErrorCode errorCodeOf(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.code();
  }
  ADD_FAILURE() << "expected a cqpm::Error";
  return ErrorCode::kInternal;
}

}  // namespace cqpm::git::test_support
