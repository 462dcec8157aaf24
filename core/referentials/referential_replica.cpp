#include "referentials/referential_replica.h"

#include <Poco/Logger.h>

#include <sstream>

#include "common/clock.h"
#include "common/error.h"
#include "store/referential_object_store.h"

namespace cqpm::referentials {

using git::ReferentialRepository;
namespace objects = store::referential_object_store;

namespace {

/// The objects a commit or tag needs before it: a commit's parents ("parent
/// <id>" header lines), a tag's target ("object <id>").
std::vector<std::string> prerequisites(const store::GitObjectRow& object) {
  std::vector<std::string> needed;
  std::istringstream headers(object.content);
  std::string line;
  while (std::getline(headers, line) && !line.empty()) {
    if (object.type == "commit" && line.rfind("parent ", 0) == 0) needed.push_back(line.substr(7));
    if (object.type == "tag" && line.rfind("object ", 0) == 0) needed.push_back(line.substr(7));
  }
  return needed;
}

store::GitObjectRow toRow(ReferentialRepository::RawObject object) {
  return {std::move(object.id), std::move(object.type), std::move(object.content)};
}

using Bundle = std::pair<std::string, std::vector<store::GitObjectRow>>;

/// A commit with the trees and blobs it brings, as the database stores them.
Bundle commitBundle(ReferentialRepository& repository, const std::string& commit) {
  std::vector<store::GitObjectRow> rows;
  for (auto& object : repository.commitBundle(commit)) rows.push_back(toRow(std::move(object)));
  return {commit, std::move(rows)};
}

}  // namespace

ReferentialReplica::ReferentialReplica(store::Database& db, Clock clock, std::string path)
    : db_(db), clock_(std::move(clock)), path_(std::move(path)) {}

void ReferentialReplica::prepare() {
  std::lock_guard lock(mutex_);
  ReferentialRepository::initialise(path_);
  for (const std::string& file : ReferentialRepository::removeLockFiles(path_)) {
    Poco::Logger::get("referentials").warning("removed %s left in the repository by a stopped writer", file);
  }
}

bool ReferentialReplica::repositoryAheadOfDatabase() {
  const bool database_has_refs =
      !db_.read([](store::SqlSession& sql) { return objects::listRefs(sql); }).empty();
  if (database_has_refs) return false;
  std::lock_guard lock(mutex_);
  return !ReferentialRepository::open(path_).refTargets("refs/").empty();
}

void ReferentialReplica::importRepository(const std::function<bool(const std::string& ref)>& keep) {
  std::lock_guard lock(mutex_);
  auto repository = ReferentialRepository::open(path_);
  std::vector<Bundle> bundles;
  for (const std::string& commit : repository.commitsParentsFirst())
    bundles.push_back(commitBundle(repository, commit));
  std::map<std::string, std::string> refs;
  for (const auto& [ref, target] : repository.refTargets("refs/")) {
    if (!keep(ref)) continue;
    auto object = repository.readObject(target);
    if (object.type == "tag") bundles.emplace_back(target, std::vector{toRow(std::move(object))});
    refs.emplace(ref, target);
  }
  const std::string now = nowIso8601(clock_);
  db_.write([&](store::SqlSession& sql) {
    for (const auto& [bundle, rows] : bundles) objects::insertBundle(sql, bundle, rows);
    for (const auto& [ref, target] : refs) {
      if (!objects::moveRef(sql, ref, std::nullopt, target, now))
        throw Error(ErrorCode::kConflict, "the database received the referential refs meanwhile");
    }
  });
  Poco::Logger::get("referentials")
      .warning("the database now holds the referential repository (%z commits, %z refs)", bundles.size(),
               refs.size());
}

void ReferentialReplica::ensureObject(ReferentialRepository& repository, const std::string& id) {
  // Depth-first without recursion: a long history must not exhaust the stack.
  std::vector<std::string> pending{id};
  while (!pending.empty()) {
    const std::string current = pending.back();
    if (repository.hasObject(current)) {
      pending.pop_back();
      continue;
    }
    const auto rows = db_.read([&](store::SqlSession& sql) { return objects::loadBundle(sql, current); });
    if (rows.empty() || rows.back().id != current) {
      // Unknown as asked: not found; missing as a parent or a tag's target: the copy is damaged.
      throw Error(pending.size() == 1 ? ErrorCode::kNotFound : ErrorCode::kStorage,
                  "the database holds no referential object " + current);
    }
    bool ready = true;
    for (const std::string& needed : prerequisites(rows.back())) {
      if (!repository.hasObject(needed)) {
        pending.push_back(needed);
        ready = false;
      }
    }
    if (!ready) continue;
    for (const auto& row : rows) repository.writeObject({row.id, row.type, row.content});
    pending.pop_back();
  }
}

void ReferentialReplica::syncLocked(ReferentialRepository& repository) {
  const auto wanted = db_.read([](store::SqlSession& sql) { return objects::listRefs(sql); });
  const auto present = repository.refTargets("refs/");
  for (const auto& [ref, target] : wanted) {
    const auto found = present.find(ref);
    if (found != present.end() && found->second == target) continue;
    ensureObject(repository, target);
    repository.setRef(ref, target);
  }
  for (const auto& [ref, target] : present) {
    if (wanted.count(ref)) continue;
    // Left by a write the database never received (a crash between the two): not a version.
    repository.removeRef(ref);
    Poco::Logger::get("referentials").warning("%s was in the repository only: removed", ref);
  }
}

void ReferentialReplica::sync() {
  std::lock_guard lock(mutex_);
  auto repository = ReferentialRepository::open(path_);
  syncLocked(repository);
}

bool ReferentialReplica::record(const std::vector<std::string>& commits, const std::vector<std::string>& tags,
                                const std::vector<RefMove>& moves,
                                const std::function<void(store::SqlSession&)>& more) {
  std::vector<Bundle> bundles;
  {
    std::lock_guard lock(mutex_);
    auto repository = ReferentialRepository::open(path_);
    for (const std::string& commit : commits) bundles.push_back(commitBundle(repository, commit));
    for (const std::string& tag : tags)
      bundles.emplace_back(tag, std::vector{toRow(repository.readObject(tag))});
  }
  // Nothing slow from here to the commit: the objects are in memory.
  const std::string now = nowIso8601(clock_);
  struct RefMoved {};  // rolls the transaction back
  try {
    db_.write([&](store::SqlSession& sql) {
      for (const auto& [bundle, rows] : bundles) objects::insertBundle(sql, bundle, rows);
      for (const RefMove& move : moves) {
        if (!objects::moveRef(sql, move.ref, move.expected, move.target, now)) throw RefMoved{};
      }
      more(sql);
    });
  } catch (const RefMoved&) {
    return false;
  }
  try {
    sync();
  } catch (const Error& e) {
    Poco::Logger::get("referentials")
        .error("the repository did not follow the database (the next sync will): %s", std::string(e.what()));
  }
  return true;
}

std::optional<std::string> ReferentialReplica::mainTip() {
  return db_.read([](store::SqlSession& sql) { return objects::findRef(sql, "refs/heads/main"); });
}

std::optional<std::string> ReferentialReplica::readFile(const std::string& commit, const std::string& path) {
  try {
    return ReferentialRepository::open(path_).readFile(commit, path);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
  }
  // Published on another instance, or the repository was lost: fetch it.
  {
    std::lock_guard lock(mutex_);
    auto repository = ReferentialRepository::open(path_);
    ensureObject(repository, commit);
  }
  return ReferentialRepository::open(path_).readFile(commit, path);
}

std::string ReferentialReplica::infoRefs() {
  sync();
  return ReferentialRepository::open(path_).infoRefs();
}

}  // namespace cqpm::referentials
