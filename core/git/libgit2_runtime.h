#pragma once

namespace cqpm::git {

/// Process-wide libgit2 state: initialises libgit2 and turns on fsync of the
/// git directory (GIT_OPT_ENABLE_FSYNC_GITDIR: referential changes are rare,
/// durability comes first). The composition root creates one per process and
/// keeps it alive longer than every ReferentialRepository. libgit2 counts
/// initialisations, so nested instances (tests) are harmless; the fsync option
/// is global to the process. Create and destroy it on one thread, before and
/// after the threads that use git. Throws Error{kStorage} if libgit2 fails.
class Libgit2Runtime {
 public:
  Libgit2Runtime();
  ~Libgit2Runtime();
  Libgit2Runtime(const Libgit2Runtime&) = delete;
  Libgit2Runtime& operator=(const Libgit2Runtime&) = delete;
};

}  // namespace cqpm::git
