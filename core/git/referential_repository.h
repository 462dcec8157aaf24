#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "git/git_handles.h"

namespace cqpm::git {

/// One open bare git repository holding the referentials: one folder per CQPM,
/// one commit per change, annotated tags per published version. Written
/// directly with blobs, trees and commits (no index, no working tree); every
/// ref moves by compare-and-swap, so several instances, threads or processes
/// may write the same repository.
///
/// Thread-safety: an instance (like the git_repository it owns) is used by one
/// thread at a time; give each thread its own instance (opening is cheap).
/// Requires a live Libgit2Runtime.
/// Errors: Error{kStorage, "<what>: <libgit2 message>"} for git failures,
/// kInvalidField for malformed ids, ref names or paths, kConflict when a ref
/// or tag is not in the expected state, kNotFound for absent commits.
/// Commit ids are 40-character lowercase hex strings.
class ReferentialRepository {
 public:
  struct Author {
    std::string name;
    std::string email;
  };

  /// A file to add or replace; `path` is relative to the repository root, with
  /// '/' between folders ("qualite/referential.json").
  struct FileChange {
    std::string path;
    std::string content;
  };

  struct CommitInfo {
    std::string id;
    std::string author_name;
    std::string author_email;
    std::int64_t time = 0;  ///< author time, seconds since the epoch
    std::string message;    ///< verbatim, trailers included
    std::vector<std::string> parents;
  };

  /// Creates a bare repository at `path` (and missing parent folders) whose
  /// HEAD is refs/heads/main; does nothing if `path` already holds a
  /// repository. Throws Error{kStorage}.
  static void initialise(const std::string& path);

  /// Opens the bare repository at exactly `path` (no discovery upwards).
  /// Throws Error{kStorage} if there is none.
  static ReferentialRepository open(const std::string& path);

  ReferentialRepository(ReferentialRepository&&) noexcept = default;
  ReferentialRepository& operator=(ReferentialRepository&&) noexcept = default;

  /// Commits `files` on `ref` (a full name, "refs/heads/main") and returns the
  /// new commit id. The tree is `expected_tip`'s tree (empty when nullopt) with
  /// only the given files added or replaced; every other file and folder keeps
  /// its object. The commit's parent is `expected_tip`, author = committer =
  /// `author`, time = now, `message` verbatim. `ref` then moves by
  /// compare-and-swap: it must point at `expected_tip`, or not exist when
  /// `expected_tip` is nullopt; otherwise throws Error{kConflict} and leaves
  /// the ref as it is (re-read with resolve() and retry). A concurrent lock on
  /// the ref is waited for briefly. Throws kInvalidField for a bad ref, path
  /// (empty segment, ".", "..", ".git"), a path listed twice or both as a file
  /// and a folder, or an author with '<', '>' or a newline.
  std::string commitFiles(const std::string& ref, const std::optional<std::string>& expected_tip,
                          const std::vector<FileChange>& files, const Author& author,
                          const std::string& message);

  /// Commits on `ref` a tree equal to `expected_tip`'s tree (empty when
  /// nullopt) with `folder` ("qualite", or nested "a/b") replaced by the same
  /// folder of `source_commit`: publishes an approved proposal without touching
  /// other CQPMs' folders. Parent, author, message and compare-and-swap as in
  /// commitFiles. Throws Error{kNotFound} if `source_commit` is absent or has
  /// no such folder.
  std::string commitWithTreeFrom(const std::string& ref, const std::optional<std::string>& expected_tip,
                                 const std::string& source_commit, const std::string& folder,
                                 const Author& author, const std::string& message);

  /// Creates `ref` (a full name, "refs/proposals/42") pointing at `commit`, to
  /// branch a proposal off a published version. Throws Error{kConflict} if the
  /// ref exists, kNotFound if the commit is absent.
  void createRef(const std::string& ref, const std::string& commit);

  /// Creates the annotated tag refs/tags/<name> ("qualite/v2") on `commit`,
  /// tagged by `author` now with `message` verbatim. Throws Error{kConflict} if
  /// the tag exists, kNotFound if the commit is absent.
  void tag(const std::string& name, const std::string& commit, const Author& author,
           const std::string& message);

  /// The commit a ref or tag points to, annotated tags peeled. Accepts full
  /// names and git's short forms ("main", "qualite/v2"), not object ids.
  /// nullopt if there is no such ref (or it is unborn).
  std::optional<std::string> resolve(const std::string& ref_or_tag);

  /// The content of the file at `path` in `commit`; nullopt if there is no
  /// file there (absent, or a folder). Throws Error{kNotFound} if the commit is
  /// absent.
  std::optional<std::string> readFile(const std::string& commit, const std::string& path);

  /// Id, author, author time, message and parents of `commit`. Throws
  /// Error{kNotFound} if it is absent.
  CommitInfo commitInfo(const std::string& commit);

  /// (tag name without "refs/tags/", peeled commit id) of every tag whose name
  /// starts with `prefix` ("qualite/"), sorted by name. Tags that do not peel
  /// to a commit are skipped.
  std::vector<std::pair<std::string, std::string>> tags(const std::string& prefix);

  /// Full names of the refs starting with `prefix` ("refs/proposals/"), sorted.
  std::vector<std::string> refs(const std::string& prefix);

  /// Deletes `ref` (a full name); does nothing if it does not exist. Throws
  /// Error{kConflict} if it moved while being deleted.
  void deleteRef(const std::string& ref);

  /// The content of `info/refs` as `git update-server-info` writes it, for
  /// serving clones over git's dumb HTTP protocol: "<id>\t<refname>\n" for
  /// every ref under refs/, followed for an annotated tag by
  /// "<peeled id>\t<refname>^{}\n", sorted by ref name.
  std::string infoRefs();

  /// The content of `objects/info/packs` as `git update-server-info` writes
  /// it: "P <pack file name>\n" per pack, sorted, then one empty line.
  std::string packsInfo();

  // ---- Objects and refs as such: what a replica of the repository needs
  // (referentials/referential_replica.h). Defined in repository_objects.cpp.

  /// One object: id (40 hex digits), type ("commit", "tree", "blob", "tag") and raw bytes.
  struct RawObject {
    std::string id;
    std::string type;
    std::string content;
  };

  /// Writes a commit of `files` over `parent`'s tree (empty when nullopt), as
  /// commitFiles does, but moves no ref. Returns its id.
  std::string writeCommit(const std::optional<std::string>& parent, const std::vector<FileChange>& files,
                          const Author& author, const std::string& message);
  /// Writes an annotated tag object named `name` on `commit` without creating
  /// its ref. Returns the tag object's id.
  std::string writeTag(const std::string& name, const std::string& commit, const Author& author,
                       const std::string& message);

  bool hasObject(const std::string& id);
  /// Throws Error{kNotFound} if absent.
  RawObject readObject(const std::string& id);
  /// Stores `object` as is. Throws Error{kStorage} when its bytes do not hash
  /// to its id (a corrupt copy is never written).
  void writeObject(const RawObject& object);
  /// What `commit` adds to its first parent: every tree and blob of its tree
  /// the parent's tree lacks, then the commit itself, last.
  std::vector<RawObject> commitBundle(const std::string& commit);
  /// Every commit reachable from a ref under refs/, parents before children.
  std::vector<std::string> commitsParentsFirst();
  /// Each ref under `prefix` and the object it points at (an annotated tag's
  /// own id, not peeled).
  std::map<std::string, std::string> refTargets(const std::string& prefix);
  /// Points `ref` at `target` whatever it pointed at before. For the sole
  /// writer of the repository only: a lock file found on the ref after the
  /// usual short wait is then a crashed writer's, and is removed.
  void setRef(const std::string& ref, const std::string& target);
  /// Deletes `ref` whatever it points at; stale locks as in setRef.
  void removeRef(const std::string& ref);

  /// Removes the lock files (`*.lock`) a killed writer left in the repository
  /// at `path`; returns their paths relative to it. Only for a process that
  /// knows it is the repository's sole writer (the data folder's lock).
  static std::vector<std::string> removeLockFiles(const std::string& path);

 private:
  struct TreeEdit;

  explicit ReferentialRepository(RepositoryPtr repository) : repository_(std::move(repository)) {}

  std::string commitEdits(const std::string& ref, const std::optional<std::string>& expected_tip,
                          const TreeEdit& edits, const Author& author, const std::string& message);
  void addFiles(TreeEdit& edits, const std::vector<FileChange>& files);
  git_oid createCommit(const std::optional<git_oid>& parent, const TreeEdit& edits, const Author& author,
                       const std::string& message);
  /// Runs `call` (a ref write); if the ref stays locked, removes its stale lock and runs it once more.
  int breakingStaleLock(const std::string& ref, const std::function<int()>& call);
  git_oid writeTree(const git_tree* base, const TreeEdit& edit);
  CommitPtr lookupCommit(const git_oid& id);
  std::optional<git_oid> refTarget(const std::string& ref);
  void moveRef(const std::string& ref, const git_oid& target, const std::optional<git_oid>& expected);

  RepositoryPtr repository_;
};

}  // namespace cqpm::git
