// ReferentialRepository's members that handle objects and refs as such: what a
// replica written from the database needs (referentials/referential_replica.h).

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "git/referential_repository.h"
#include "git/repository_internals.h"

namespace cqpm::git {

using namespace detail;  // NOLINT(google-build-using-namespace): this module's own helpers

namespace {

OdbPtr openOdb(git_repository* repository) {
  git_odb* raw = nullptr;
  check(git_repository_odb(&raw, repository), "open object database");
  return OdbPtr(raw);
}

TreePtr lookupTree(git_repository* repository, const git_oid& id) {
  git_tree* raw = nullptr;
  check(git_tree_lookup(&raw, repository, &id), "read tree " + toHex(id));
  return TreePtr(raw);
}

}  // namespace

std::string ReferentialRepository::writeTag(const std::string& name, const std::string& commit,
                                            const Author& author, const std::string& message) {
  if (name.empty()) failInput("empty tag name", "tag");
  validateRefName("refs/tags/" + name, "tag");
  validateMessage(message);
  const git_oid id = parseId(commit, "commit");
  git_object* raw = nullptr;
  const int rc = git_object_lookup(&raw, repository_.get(), &id, GIT_OBJECT_COMMIT);
  const ObjectPtr target(raw);
  if (rc == GIT_ENOTFOUND) fail(ErrorCode::kNotFound, "commit " + commit);
  check(rc, "read commit " + commit);
  const SignaturePtr tagger = makeSignature(author);
  git_oid tag_id;
  check(git_tag_annotation_create(&tag_id, repository_.get(), name.c_str(), target.get(), tagger.get(),
                                  message.c_str()),
        "write tag " + name);
  return toHex(tag_id);
}

bool ReferentialRepository::hasObject(const std::string& id) {
  const git_oid oid = parseId(id, "object");
  return git_odb_exists(openOdb(repository_.get()).get(), &oid) == 1;
}

ReferentialRepository::RawObject ReferentialRepository::readObject(const std::string& id) {
  const git_oid oid = parseId(id, "object");
  git_odb_object* raw = nullptr;
  const int rc = git_odb_read(&raw, openOdb(repository_.get()).get(), &oid);
  const OdbObjectPtr object(raw);
  if (rc == GIT_ENOTFOUND) fail(ErrorCode::kNotFound, "object " + id);
  check(rc, "read object " + id);
  return {id, git_object_type2string(git_odb_object_type(object.get())),
          std::string(static_cast<const char*>(git_odb_object_data(object.get())),
                      git_odb_object_size(object.get()))};
}

void ReferentialRepository::writeObject(const RawObject& object) {
  const git_object_t type = git_object_string2type(object.type.c_str());
  if (type == GIT_OBJECT_INVALID) throw Error(ErrorCode::kStorage, "object " + object.id + " has no type");
  git_oid written;
  check(git_odb_write(&written, openOdb(repository_.get()).get(), object.content.data(),
                      object.content.size(), type),
        "write object " + object.id);
  if (toHex(written) != object.id) {
    throw Error(ErrorCode::kStorage,
                "object " + object.id + " does not hash to its id (it hashes to " + toHex(written) + ")");
  }
}

std::vector<ReferentialRepository::RawObject> ReferentialRepository::commitBundle(const std::string& commit) {
  const CommitPtr found = lookupCommit(parseId(commit, "commit"));
  std::vector<RawObject> objects;
  std::set<std::string> seen;
  // Adds what `tree` holds that `base` (the same folder in the parent) lacks, subtrees first.
  std::function<void(const git_oid&, const git_tree*)> collect = [&](const git_oid& tree_id,
                                                                     const git_tree* base) {
    if (base && git_oid_equal(git_tree_id(base), &tree_id)) return;
    const TreePtr tree = lookupTree(repository_.get(), tree_id);
    for (std::size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
      const git_tree_entry* before = base ? git_tree_entry_byname(base, git_tree_entry_name(entry)) : nullptr;
      if (before && git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(entry))) continue;
      if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        TreePtr base_subtree;
        if (before && git_tree_entry_type(before) == GIT_OBJECT_TREE)
          base_subtree = lookupTree(repository_.get(), *git_tree_entry_id(before));
        collect(*git_tree_entry_id(entry), base_subtree.get());
      } else {
        const std::string id = toHex(*git_tree_entry_id(entry));
        if (seen.insert(id).second) objects.push_back(readObject(id));
      }
    }
    const std::string id = toHex(tree_id);
    if (seen.insert(id).second) objects.push_back(readObject(id));
  };
  TreePtr parent_tree;
  if (git_commit_parentcount(found.get()) > 0) {
    const CommitPtr parent = lookupCommit(*git_commit_parent_id(found.get(), 0));
    git_tree* raw = nullptr;
    check(git_commit_tree(&raw, parent.get()), "read tree of the parent of " + commit);
    parent_tree.reset(raw);
  }
  collect(*git_commit_tree_id(found.get()), parent_tree.get());
  objects.push_back(readObject(commit));
  return objects;
}

std::vector<std::string> ReferentialRepository::commitsParentsFirst() {
  git_revwalk* raw = nullptr;
  check(git_revwalk_new(&raw, repository_.get()), "start history walk");
  const RevwalkPtr walk(raw);
  check(git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE), "sort history walk");
  const int rc = git_revwalk_push_glob(walk.get(), "refs/*");
  if (rc == GIT_ENOTFOUND) return {};
  check(rc, "walk the refs");
  std::vector<std::string> commits;
  git_oid id;
  while (git_revwalk_next(&id, walk.get()) == 0) commits.push_back(toHex(id));
  return commits;
}

std::map<std::string, std::string> ReferentialRepository::refTargets(const std::string& prefix) {
  std::map<std::string, std::string> targets;
  for (const std::string& name : refs(prefix)) {
    git_reference* raw = nullptr;
    check(git_reference_lookup(&raw, repository_.get(), name.c_str()), "read ref " + name);
    const ReferencePtr ref(raw);
    if (git_reference_type(ref.get()) == GIT_REFERENCE_DIRECT)
      targets.emplace(name, toHex(*git_reference_target(ref.get())));
  }
  return targets;
}

int ReferentialRepository::breakingStaleLock(const std::string& ref, const std::function<int()>& call) {
  int rc = retryWhileLocked(call);
  if (rc != GIT_ELOCKED) return rc;
  // The sole writer waited and the lock stayed: a killed writer's. Removing it
  // is what git itself asks a user to do by hand ("remove the file manually").
  const std::filesystem::path git_dir(git_repository_path(repository_.get()));
  std::error_code ignored;
  std::filesystem::remove(git_dir / (ref + ".lock"), ignored);
  std::filesystem::remove(git_dir / "packed-refs.lock", ignored);
  return call();
}

void ReferentialRepository::setRef(const std::string& ref, const std::string& target) {
  validateRefName(ref, "ref");
  const git_oid id = parseId(target, "target");
  const int rc = breakingStaleLock(ref, [&] {
    git_reference* raw = nullptr;
    const int create_rc = git_reference_create(&raw, repository_.get(), ref.c_str(), &id, 1, kRefLogMessage);
    git_reference_free(raw);
    return create_rc;
  });
  check(rc, "move " + ref);
}

void ReferentialRepository::removeRef(const std::string& ref) {
  validateRefName(ref, "ref");
  const int rc = breakingStaleLock(ref, [&] { return git_reference_remove(repository_.get(), ref.c_str()); });
  if (rc == GIT_ENOTFOUND) return;
  check(rc, "delete ref " + ref);
}

std::vector<std::string> ReferentialRepository::removeLockFiles(const std::string& path) {
  std::vector<std::string> removed;
  const std::filesystem::path root(path);
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(root, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == ".lock") {
      std::error_code ignored;
      if (std::filesystem::remove(it->path(), ignored))
        removed.push_back(std::filesystem::relative(it->path(), root, ignored).string());
    }
  }
  std::sort(removed.begin(), removed.end());
  return removed;
}

}  // namespace cqpm::git
