#include "git/referential_repository.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <system_error>
#include <thread>

#include "git/repository_internals.h"

namespace cqpm::git {

using namespace detail;  // NOLINT(google-build-using-namespace): this module's own helpers

/// What to change under one folder: either replace the entry by an object, or
/// edit inside the sub-folders named in `children`.
struct ReferentialRepository::TreeEdit {
  std::optional<std::pair<git_oid, git_filemode_t>> replacement;
  std::map<std::string, std::unique_ptr<TreeEdit>> children;

  void add(const std::vector<std::string>& segments, const git_oid& id, git_filemode_t mode,
           const std::string& path) {
    TreeEdit* node = this;
    for (const std::string& segment : segments) {
      std::unique_ptr<TreeEdit>& child = node->children[segment];
      if (!child) child = std::make_unique<TreeEdit>();
      if (child->replacement) failInput("path listed twice or both as a file and a folder: " + path, "path");
      node = child.get();
    }
    if (!node->children.empty()) failInput("path is both a file and a folder: " + path, "path");
    node->replacement = std::make_pair(id, mode);
  }
};

void ReferentialRepository::initialise(const std::string& path) {
  git_repository_init_options options;
  check(git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION),
        "prepare repository options");
  options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  const int rc = git_repository_init_ext(&raw, path.c_str(), &options);
  RepositoryPtr repository(raw);
  if (rc == GIT_EEXISTS) return;
  check(rc, "initialise referential repository " + path);
}

ReferentialRepository ReferentialRepository::open(const std::string& path) {
  git_repository* raw = nullptr;
  check(git_repository_open_bare(&raw, path.c_str()), "open referential repository " + path);
  return ReferentialRepository(RepositoryPtr(raw));
}

std::string ReferentialRepository::commitFiles(const std::string& ref,
                                               const std::optional<std::string>& expected_tip,
                                               const std::vector<FileChange>& files, const Author& author,
                                               const std::string& message) {
  TreeEdit edits;
  addFiles(edits, files);
  return commitEdits(ref, expected_tip, edits, author, message);
}

void ReferentialRepository::addFiles(TreeEdit& edits, const std::vector<FileChange>& files) {
  for (const FileChange& file : files) {
    const std::vector<std::string> segments = splitPath(file.path, "path");
    git_oid blob;
    check(git_blob_create_from_buffer(&blob, repository_.get(), file.content.data(), file.content.size()),
          "write blob " + file.path);
    edits.add(segments, blob, GIT_FILEMODE_BLOB, file.path);
  }
}

std::string ReferentialRepository::writeCommit(const std::optional<std::string>& parent,
                                               const std::vector<FileChange>& files, const Author& author,
                                               const std::string& message) {
  validateMessage(message);
  std::optional<git_oid> parent_id;
  if (parent) parent_id = parseId(*parent, "parent");
  TreeEdit edits;
  addFiles(edits, files);
  return toHex(createCommit(parent_id, edits, author, message));
}

std::string ReferentialRepository::commitWithTreeFrom(const std::string& ref,
                                                      const std::optional<std::string>& expected_tip,
                                                      const std::string& source_commit,
                                                      const std::string& folder, const Author& author,
                                                      const std::string& message) {
  const std::vector<std::string> segments = splitPath(folder, "folder");
  const CommitPtr source = lookupCommit(parseId(source_commit, "source_commit"));
  git_tree* raw_tree = nullptr;
  check(git_commit_tree(&raw_tree, source.get()), "read tree of " + source_commit);
  const TreePtr source_tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  const int rc = git_tree_entry_bypath(&raw_entry, source_tree.get(), folder.c_str());
  const TreeEntryPtr entry(raw_entry);
  if (rc == GIT_ENOTFOUND) fail(ErrorCode::kNotFound, "folder " + folder + " in " + source_commit);
  check(rc, "find folder " + folder);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) {
    throw Error(ErrorCode::kNotFound, folder + " is not a folder in " + source_commit, "folder");
  }
  TreeEdit edits;
  edits.add(segments, *git_tree_entry_id(entry.get()), GIT_FILEMODE_TREE, folder);
  return commitEdits(ref, expected_tip, edits, author, message);
}

void ReferentialRepository::createRef(const std::string& ref, const std::string& commit) {
  validateRefName(ref, "ref");
  const git_oid id = parseId(commit, "commit");
  lookupCommit(id);
  moveRef(ref, id, std::nullopt);
}

void ReferentialRepository::tag(const std::string& name, const std::string& commit, const Author& author,
                                const std::string& message) {
  if (name.empty()) failInput("empty tag name", "tag");
  const std::string ref = "refs/tags/" + name;
  validateRefName(ref, "tag");
  if (refTarget(ref)) fail(ErrorCode::kConflict, "tag " + name + " exists");
  // The tag object first, then its ref created under the ref's lock (moveRef):
  // git_tag_create checks that the tag is absent before locking, so two taggers
  // of one name could both be told they succeeded.
  const git_oid tag_id = parseId(writeTag(name, commit, author, message), "tag");
  try {
    moveRef(ref, tag_id, std::nullopt);
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kConflict) fail(ErrorCode::kConflict, "tag " + name + " exists");
    throw;
  }
}

std::optional<std::string> ReferentialRepository::resolve(const std::string& ref_or_tag) {
  git_reference* raw_ref = nullptr;
  int rc = git_reference_dwim(&raw_ref, repository_.get(), ref_or_tag.c_str());
  const ReferencePtr ref(raw_ref);
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  if (rc == GIT_EINVALIDSPEC) {
    throw Error(ErrorCode::kInvalidField, "invalid ref name: " + lastErrorMessage(), "ref");
  }
  check(rc, "look up " + ref_or_tag);
  git_object* raw_object = nullptr;
  rc = git_reference_peel(&raw_object, ref.get(), GIT_OBJECT_COMMIT);
  const ObjectPtr object(raw_object);
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  check(rc, "peel " + ref_or_tag + " to a commit");
  return toHex(*git_object_id(object.get()));
}

std::optional<std::string> ReferentialRepository::readFile(const std::string& commit,
                                                           const std::string& path) {
  splitPath(path, "path");
  const CommitPtr source = lookupCommit(parseId(commit, "commit"));
  git_tree* raw_tree = nullptr;
  check(git_commit_tree(&raw_tree, source.get()), "read tree of " + commit);
  const TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  const int rc = git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str());
  const TreeEntryPtr entry(raw_entry);
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  check(rc, "find " + path);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::nullopt;
  git_blob* raw_blob = nullptr;
  check(git_blob_lookup(&raw_blob, repository_.get(), git_tree_entry_id(entry.get())), "read blob " + path);
  const BlobPtr blob(raw_blob);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

ReferentialRepository::CommitInfo ReferentialRepository::commitInfo(const std::string& commit) {
  const CommitPtr found = lookupCommit(parseId(commit, "commit"));
  const git_signature* author = git_commit_author(found.get());
  CommitInfo info;
  info.id = toHex(*git_commit_id(found.get()));
  info.author_name = author->name;
  info.author_email = author->email;
  info.time = author->when.time;
  info.message = git_commit_message(found.get());
  const unsigned int count = git_commit_parentcount(found.get());
  for (unsigned int i = 0; i < count; ++i)
    info.parents.push_back(toHex(*git_commit_parent_id(found.get(), i)));
  return info;
}

namespace {

/// Calls `visit` with each ref (borrowed for the call) whose name starts with
/// `prefix`.
void forEachRef(git_repository* repository, const std::string& prefix,
                const std::function<void(git_reference*)>& visit) {
  git_reference_iterator* raw_iterator = nullptr;
  check(git_reference_iterator_new(&raw_iterator, repository), "list refs");
  const ReferenceIteratorPtr iterator(raw_iterator);
  while (true) {
    git_reference* raw_ref = nullptr;
    const int rc = git_reference_next(&raw_ref, iterator.get());
    const ReferencePtr ref(raw_ref);
    if (rc == GIT_ITEROVER) return;
    check(rc, "list refs");
    if (std::string_view(git_reference_name(ref.get())).starts_with(prefix)) visit(ref.get());
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ReferentialRepository::tags(const std::string& prefix) {
  const std::string tags_dir = "refs/tags/";
  std::vector<std::pair<std::string, std::string>> found;
  forEachRef(repository_.get(), tags_dir + prefix, [&](git_reference* ref) {
    const std::string name = git_reference_name(ref);
    git_object* raw = nullptr;
    const int rc = git_reference_peel(&raw, ref, GIT_OBJECT_COMMIT);
    const ObjectPtr commit(raw);
    if (rc == GIT_EPEEL || rc == GIT_EINVALIDSPEC) return;
    check(rc, "peel " + name);
    found.emplace_back(name.substr(tags_dir.size()), toHex(*git_object_id(commit.get())));
  });
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> ReferentialRepository::refs(const std::string& prefix) {
  std::vector<std::string> found;
  forEachRef(repository_.get(), prefix,
             [&](git_reference* ref) { found.emplace_back(git_reference_name(ref)); });
  std::sort(found.begin(), found.end());
  return found;
}

void ReferentialRepository::deleteRef(const std::string& ref) {
  validateRefName(ref, "ref");
  const int rc = retryWhileLocked([&] {
    git_reference* raw = nullptr;
    const int lookup_rc = git_reference_lookup(&raw, repository_.get(), ref.c_str());
    const ReferencePtr found(raw);
    if (lookup_rc < 0) return lookup_rc;
    return git_reference_delete(found.get());
  });
  if (rc == GIT_ENOTFOUND) return;
  if (rc == GIT_EMODIFIED) fail(ErrorCode::kConflict, "ref " + ref + " moved while being deleted");
  check(rc, "delete ref " + ref);
}

std::string ReferentialRepository::infoRefs() {
  std::vector<std::pair<std::string, std::string>> lines;  // (ref name, its lines)
  forEachRef(repository_.get(), "refs/", [&](git_reference* ref) {
    const std::string name = git_reference_name(ref);
    ReferencePtr resolved;
    if (git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC) {
      git_reference* raw = nullptr;
      const int rc = git_reference_resolve(&raw, ref);
      resolved.reset(raw);
      if (rc == GIT_ENOTFOUND) return;  // dangling, as git skips it
      check(rc, "resolve " + name);
    }
    const git_oid* id = git_reference_target(resolved ? resolved.get() : ref);
    git_object* raw_object = nullptr;
    check(git_object_lookup(&raw_object, repository_.get(), id, GIT_OBJECT_ANY), "read target of " + name);
    const ObjectPtr object(raw_object);
    std::string text = toHex(*id) + "\t" + name + "\n";
    if (git_object_type(object.get()) == GIT_OBJECT_TAG) {
      git_object* raw_peeled = nullptr;
      check(git_tag_peel(&raw_peeled, reinterpret_cast<const git_tag*>(object.get())), "peel " + name);
      const ObjectPtr peeled(raw_peeled);
      text += toHex(*git_object_id(peeled.get())) + "\t" + name + "^{}\n";
    }
    lines.emplace_back(name, std::move(text));
  });
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& [name, text] : lines) out += text;
  return out;
}

std::string ReferentialRepository::packsInfo() {
  const std::filesystem::path pack_dir =
      std::filesystem::path(git_repository_path(repository_.get())) / "objects" / "pack";
  std::vector<std::string> packs;
  std::error_code error;
  for (std::filesystem::directory_iterator it(pack_dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::filesystem::path file = it->path();
    if (file.extension() != ".pack") continue;
    std::filesystem::path index = file;
    index.replace_extension(".idx");
    if (std::filesystem::exists(index, error)) packs.push_back(file.filename().string());
  }
  if (error && error != std::errc::no_such_file_or_directory) {
    throw Error(ErrorCode::kStorage, "list packs in " + pack_dir.string() + ": " + error.message());
  }
  std::sort(packs.begin(), packs.end());
  std::string out;
  for (const std::string& pack : packs) out += "P " + pack + "\n";
  return out + "\n";
}

std::string ReferentialRepository::commitEdits(const std::string& ref,
                                               const std::optional<std::string>& expected_tip,
                                               const TreeEdit& edits, const Author& author,
                                               const std::string& message) {
  validateRefName(ref, "ref");
  validateMessage(message);
  makeSignature(author);  // refuses a bad author before anything is written
  std::optional<git_oid> expected;
  if (expected_tip) expected = parseId(*expected_tip, "expected_tip");
  const std::optional<git_oid> current = refTarget(ref);
  if (!sameTarget(current, expected)) {
    throw Error(ErrorCode::kConflict,
                ref + " is at " + (current ? toHex(*current) : "nothing") + ", not at " +
                    (expected_tip ? *expected_tip : "nothing"),
                "expected_tip");
  }
  const git_oid commit_id = createCommit(expected, edits, author, message);
  moveRef(ref, commit_id, expected);
  return toHex(commit_id);
}

git_oid ReferentialRepository::createCommit(const std::optional<git_oid>& parent_id, const TreeEdit& edits,
                                            const Author& author, const std::string& message) {
  const SignaturePtr signature = makeSignature(author);
  CommitPtr parent;
  TreePtr base;
  if (parent_id) {
    parent = lookupCommit(*parent_id);
    git_tree* raw = nullptr;
    check(git_commit_tree(&raw, parent.get()), "read tree of " + toHex(*parent_id));
    base.reset(raw);
  }
  const git_oid tree_id = writeTree(base.get(), edits);
  git_tree* raw_tree = nullptr;
  check(git_tree_lookup(&raw_tree, repository_.get(), &tree_id), "read new tree");
  const TreePtr tree(raw_tree);
  const git_commit* parents[] = {parent.get()};
  git_oid commit_id;
  check(git_commit_create(&commit_id, repository_.get(), nullptr, signature.get(), signature.get(), nullptr,
                          message.c_str(), tree.get(), parent ? 1 : 0, parents),
        "create commit");
  return commit_id;
}

git_oid ReferentialRepository::writeTree(const git_tree* base, const TreeEdit& edit) {
  git_treebuilder* raw_builder = nullptr;
  check(git_treebuilder_new(&raw_builder, repository_.get(), base), "start tree");
  const TreeBuilderPtr builder(raw_builder);
  for (const auto& [name, child] : edit.children) {
    git_oid id;
    git_filemode_t mode = GIT_FILEMODE_TREE;
    if (child->replacement) {
      std::tie(id, mode) = *child->replacement;
    } else {
      TreePtr subtree;
      const git_tree_entry* existing = base ? git_tree_entry_byname(base, name.c_str()) : nullptr;
      if (existing && git_tree_entry_type(existing) == GIT_OBJECT_TREE) {
        git_tree* raw = nullptr;
        check(git_tree_lookup(&raw, repository_.get(), git_tree_entry_id(existing)), "read folder " + name);
        subtree.reset(raw);
      }
      id = writeTree(subtree.get(), *child);
    }
    check(git_treebuilder_insert(nullptr, builder.get(), name.c_str(), &id, mode),
          "add " + name + " to tree");
  }
  git_oid id;
  check(git_treebuilder_write(&id, builder.get()), "write tree");
  return id;
}

CommitPtr ReferentialRepository::lookupCommit(const git_oid& id) {
  git_commit* raw = nullptr;
  const int rc = git_commit_lookup(&raw, repository_.get(), &id);
  CommitPtr commit(raw);
  if (rc == GIT_ENOTFOUND) fail(ErrorCode::kNotFound, "commit " + toHex(id));
  check(rc, "read commit " + toHex(id));
  return commit;
}

std::optional<git_oid> ReferentialRepository::refTarget(const std::string& ref) {
  git_reference* raw = nullptr;
  const int rc = git_reference_lookup(&raw, repository_.get(), ref.c_str());
  const ReferencePtr found(raw);
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  check(rc, "read ref " + ref);
  if (git_reference_type(found.get()) != GIT_REFERENCE_DIRECT) failInput(ref + " is a symbolic ref", "ref");
  return *git_reference_target(found.get());
}

void ReferentialRepository::moveRef(const std::string& ref, const git_oid& target,
                                    const std::optional<git_oid>& expected) {
  // No expected tip means "the ref must not exist yet". libgit2's plain create
  // checks that before taking the ref's lock, so two creators could both pass
  // and the second silently replace the first; the all-zero id as the expected
  // value makes libgit2 check absence under the lock.
  git_oid absent;
  git_oid_fromstr(&absent, "0000000000000000000000000000000000000000");
  const git_oid& must_match = expected ? *expected : absent;
  const int rc = retryWhileLocked([&] {
    git_reference* raw = nullptr;
    const int create_rc = git_reference_create_matching(&raw, repository_.get(), ref.c_str(), &target, 1,
                                                        &must_match, kRefLogMessage);
    const ReferencePtr moved(raw);
    return create_rc;
  });
  // EMODIFIED: it moved; ENOTFOUND: it was deleted; EEXISTS: it was created meanwhile.
  if (rc == GIT_EMODIFIED || rc == GIT_ENOTFOUND || rc == GIT_EEXISTS) {
    fail(ErrorCode::kConflict, ref + " moved meanwhile");
  }
  check(rc, "move " + ref);
}

}  // namespace cqpm::git
