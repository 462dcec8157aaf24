#include "git/libgit2_runtime.h"

#include <git2.h>

#include "git/git_handles.h"

namespace cqpm::git {

Libgit2Runtime::Libgit2Runtime() {
  check(git_libgit2_init(), "initialise libgit2");
  const int rc = git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  if (rc < 0) {
    const std::string message = lastErrorMessage();
    git_libgit2_shutdown();
    throw Error(ErrorCode::kStorage, "enable fsync of the git directory: " + message);
  }
}

Libgit2Runtime::~Libgit2Runtime() { git_libgit2_shutdown(); }

}  // namespace cqpm::git
