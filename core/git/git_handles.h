#pragma once

#include <git2.h>

#include <memory>
#include <string>

#include "common/error.h"

namespace cqpm::git {

/// Stateless deleter calling a libgit2 free function; keeps the unique_ptr
/// aliases below the size of a raw pointer.
template <auto Free>
struct FreeWith {
  void operator()(auto* p) const { Free(p); }
};

/// Owned libgit2 handles. libgit2's convention: handles returned through
/// out-params are owned (wrap them here), handles returned by getters are
/// borrowed (keep them as `const git_xxx*`, never store them). None of these
/// may cross threads together with their repository.
using RepositoryPtr = std::unique_ptr<git_repository, FreeWith<&git_repository_free>>;
using ObjectPtr = std::unique_ptr<git_object, FreeWith<&git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, FreeWith<&git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, FreeWith<&git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, FreeWith<&git_tree_entry_free>>;
using TreeBuilderPtr = std::unique_ptr<git_treebuilder, FreeWith<&git_treebuilder_free>>;
using BlobPtr = std::unique_ptr<git_blob, FreeWith<&git_blob_free>>;
using SignaturePtr = std::unique_ptr<git_signature, FreeWith<&git_signature_free>>;
using ReferencePtr = std::unique_ptr<git_reference, FreeWith<&git_reference_free>>;
using ReferenceIteratorPtr = std::unique_ptr<git_reference_iterator, FreeWith<&git_reference_iterator_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, FreeWith<&git_revwalk_free>>;
using TagPtr = std::unique_ptr<git_tag, FreeWith<&git_tag_free>>;
using OdbPtr = std::unique_ptr<git_odb, FreeWith<&git_odb_free>>;
using OdbObjectPtr = std::unique_ptr<git_odb_object, FreeWith<&git_odb_object_free>>;

/// An owned git_buf filled by libgit2 through `get()`; released with
/// git_buf_dispose. Not copyable, not movable (libgit2 may hold its address
/// only during the call that fills it).
class Buf {
 public:
  Buf() = default;
  ~Buf() { git_buf_dispose(&buf_); }
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;

  git_buf* get() { return &buf_; }
  std::string str() const { return buf_.ptr ? std::string(buf_.ptr, buf_.size) : std::string(); }

 private:
  git_buf buf_ = GIT_BUF_INIT;
};

/// The message libgit2 recorded for the calling thread's last failure. The
/// record is thread-local and overwritten by the next failing call: read it
/// right after the call that failed.
inline std::string lastErrorMessage() {
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "no libgit2 message";
}

/// Throws Error{code, "<what>: <libgit2 message>"}. Call right after the
/// failing libgit2 call.
[[noreturn]] inline void fail(ErrorCode code, const std::string& what) {
  throw Error(code, what + ": " + lastErrorMessage());
}

/// Throws Error{kStorage, "<what>: <libgit2 message>"} when `rc` is a libgit2
/// failure (negative); returns otherwise. Call right after the libgit2 call.
inline void check(int rc, const char* what) {
  if (rc < 0) fail(ErrorCode::kStorage, what);
}

}  // namespace cqpm::git
