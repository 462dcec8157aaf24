#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "git/referential_repository.h"
#include "store/database.h"

namespace cqpm::referentials {

/// A ref move recorded with a write: `ref` goes to `target` if it points at
/// `expected` (created if absent when `expected` is nullopt).
struct RefMove {
  std::string ref;
  std::optional<std::string> expected;
  std::string target;
};

/// This instance's bare repository of the referentials, kept as a replica of
/// the database, which is the one authority: every object a version or a
/// proposal introduced and every ref are stored in SQL in the same transaction
/// as the version or proposal itself (store/referential_object_store.h). The
/// repository is written only from those rows, so an instance that never saw a
/// publication (another instance, a lost or killed repository) rebuilds it
/// with the same commit and tag ids. Objects are content-addressed: each is
/// checked against its id as it is written. A commit's bundle is written after
/// its parents and with the commit last, so a commit present means its history
/// is complete.
///
/// The replica is this process's alone: the data folder's lock keeps any other
/// server out, and one mutex serialises the writes here, so a lock file met in
/// the repository is a killed writer's and is removed.
/// Thread-safe; every call opens its own repository handle.
class ReferentialReplica {
 public:
  ReferentialReplica(store::Database& db, Clock clock, std::string path);

  const std::string& path() const { return path_; }

  /// At start: creates the repository when missing, removes the lock files a
  /// killed process left (logged).
  void prepare();
  /// True when the database holds no ref while the repository does: a data
  /// folder written before the database was the authority.
  bool repositoryAheadOfDatabase();
  /// Copies into the database, in one transaction, every commit reachable from
  /// the repository's refs (as bundles), every annotated tag, and the refs
  /// `keep` accepts.
  void importRepository(const std::function<bool(const std::string& ref)>& keep);
  /// Makes the repository hold every object and ref the database holds, and no
  /// other ref. Cheap when nothing changed (reads the refs' rows).
  void sync();

  /// Runs `work(repository)` as the replica's one writer (objects written there
  /// become visible only once record() stores them).
  template <typename Work>
  auto withRepository(Work&& work) {
    std::lock_guard lock(mutex_);
    auto repository = git::ReferentialRepository::open(path_);
    return work(repository);
  }

  /// In ONE transaction: stores each of `commits` as its bundle and each of
  /// `tags` (tag objects) as its own, applies `moves` by compare-and-swap, and
  /// runs `more(sql)`. False, with nothing written, when a ref moved meanwhile
  /// (another instance wrote first: start again from the new tip). Errors
  /// `more` throws roll everything back and propagate. Once recorded, the
  /// repository follows; should that fail, the database already holds the
  /// write and the next sync finishes it (logged, never an error for the caller).
  [[nodiscard]] bool record(const std::vector<std::string>& commits, const std::vector<std::string>& tags,
                            const std::vector<RefMove>& moves,
                            const std::function<void(store::SqlSession&)>& more);

  /// Where main points in the database (nullopt before the first version).
  std::optional<std::string> mainTip();

  /// The file at `path` in `commit`; a commit this replica lacks is brought
  /// from the database first. nullopt if the commit has no such file.
  std::optional<std::string> readFile(const std::string& commit, const std::string& path);
  /// `info/refs` for git's dumb protocol, after a sync (every instance serves
  /// every version).
  std::string infoRefs();

 private:
  void syncLocked(git::ReferentialRepository& repository);
  /// Writes `id` and, first, whatever it needs (parents, a tag's target) from the database.
  void ensureObject(git::ReferentialRepository& repository, const std::string& id);

  store::Database& db_;
  Clock clock_;
  std::string path_;
  std::mutex mutex_;
};

}  // namespace cqpm::referentials
