#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>

namespace cqpm::documents {

/// Bytes received into a temporary file, with what was learnt on the way.
struct ReceivedBlob {
  std::string temp_path;
  std::string sha256;
  std::uint64_t size = 0;
};

/// Document bytes stored by content hash under `<data>/documents/`: a blob is
/// written once and never overwritten (the same content uploaded twice is one
/// blob). Bytes stream to disk while their SHA-256 is computed, so memory does
/// not grow with the size. Thread-safe (files are written under unique names
/// and renamed into place).
class BlobStore {
 public:
  explicit BlobStore(std::string root);

  /// Copies `in` to a temporary file, hashing it on the way, in blocks of 64
  /// KiB. Error{kPayloadTooLarge} past `max_bytes`, Error{kStorage} when the
  /// file cannot be written; whatever is thrown, `in`'s errors included, the
  /// partial file is removed first.
  ReceivedBlob receive(std::istream& in, std::uint64_t max_bytes);
  /// Moves a received blob into place (fsync'd), or drops it if that content is already stored.
  void keep(const ReceivedBlob& blob);
  /// Removes a received blob that will not be kept.
  void discard(const ReceivedBlob& blob) noexcept;
  /// Where the blob of `sha256` lives.
  std::string pathOf(const std::string& sha256) const;
  /// Reads the blob of `sha256` through (streaming, no copy kept) and checks
  /// its size and hash, so a damaged document is never served as intact.
  /// Error{kDocumentUnavailable} when it is missing, unreadable or corrupt
  /// (what is wrong is logged with the path; the message stays public).
  void verify(const std::string& sha256, std::uint64_t size) const;
  /// Writes and removes a probe file where uploads land. Error{kStorage} if it cannot.
  void checkWritable() const;
  /// Removes upload temporaries and blobs that no version references, both
  /// older than `min_age`; `referenced(sha256)` answers for a blob. Returns how many were removed.
  std::size_t removeUnreferenced(const std::function<bool(const std::string& sha256)>& referenced,
                                 std::chrono::seconds min_age) const;

 private:
  std::string root_;
};

}  // namespace cqpm::documents
