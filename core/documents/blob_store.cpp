#include "documents/blob_store.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/UUIDGenerator.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/sha256.h"

namespace cqpm::documents {

namespace {

// Bytes copied, hashed and written at a time: a multipart part hands out its
// body in blocks of this size (http/multipart_scanner.h).
constexpr std::size_t kReceiveBlockBytes = std::size_t{64} << 10;

// Bytes after which the kernel is asked to start writing a received file to
// disk, while the rest arrives: the fsync before the blob is kept then waits
// for the last few MiB only (20 MiB took 18 ms to fsync at the end).
constexpr std::uint64_t kWritebackBytes = std::uint64_t{4} << 20;

/// An upload's temporary file, written through its descriptor (closed when it goes).
class TempFile {
 public:
  explicit TempFile(const std::string& path)
      : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {}
  ~TempFile() { close(); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool isOpen() const { return fd_ >= 0; }
  /// Writes all of `data`, starting the writeback of every kWritebackBytes; false on an error (a full disk).
  bool write(const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t wrote = ::write(fd_, data, size);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) return false;
      data += wrote;
      size -= static_cast<std::size_t>(wrote);
      written_ += static_cast<std::uint64_t>(wrote);
    }
    if (written_ - flushed_ >= kWritebackBytes) {
      // Advisory: where it is not supported, the fsync at the end does it all.
      ::sync_file_range(fd_, static_cast<off_t>(flushed_), static_cast<off_t>(written_ - flushed_),
                        SYNC_FILE_RANGE_WRITE);
      flushed_ = written_;
    }
    return true;
  }
  /// Closes the file (once; then a no-op); false when the close reports a write error.
  bool close() {
    if (fd_ < 0) return true;
    const int fd = std::exchange(fd_, -1);
    return ::close(fd) == 0;
  }

 private:
  int fd_;
  std::uint64_t written_ = 0;
  std::uint64_t flushed_ = 0;
};

void fsyncPath(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

BlobStore::BlobStore(std::string root) : root_(std::move(root)) {
  Poco::File(Poco::Path(root_).append("tmp").toString()).createDirectories();
  Poco::File(Poco::Path(root_).append("sha256").toString()).createDirectories();
}

std::string BlobStore::pathOf(const std::string& sha256) const {
  return Poco::Path(root_).append("sha256").append(sha256.substr(0, 2)).append(sha256).toString();
}

ReceivedBlob BlobStore::receive(std::istream& in, std::uint64_t max_bytes) {
  ReceivedBlob blob;
  blob.temp_path = Poco::Path(root_)
                       .append("tmp")
                       .append(Poco::UUIDGenerator::defaultGenerator().createRandom().toString())
                       .toString();
  TempFile out(blob.temp_path);
  if (!out.isOpen()) throw Error(ErrorCode::kStorage, "cannot write the upload to " + blob.temp_path);
  try {
    Sha256 sha;
    std::vector<char> buffer(kReceiveBlockBytes);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const auto got = static_cast<std::size_t>(in.gcount());
      if (got == 0) break;
      blob.size += got;
      if (blob.size > max_bytes) {
        Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
        details->set("max_bytes", static_cast<Poco::UInt64>(max_bytes));
        throw Error(ErrorCode::kPayloadTooLarge,
                    "the file is larger than " + std::to_string(max_bytes) + " bytes", "file", details);
      }
      sha.update(buffer.data(), got);
      if (!out.write(buffer.data(), got)) throw Error(ErrorCode::kStorage, "cannot write the upload");
    }
    if (!out.close()) throw Error(ErrorCode::kStorage, "cannot write the upload");
    blob.sha256 = sha.hex();
  } catch (...) {
    // Whatever stopped the copy (the limit, the disk, a malformed or cut
    // body thrown by `in`), the partial file goes.
    out.close();
    discard(blob);
    throw;
  }
  return blob;
}

void BlobStore::keep(const ReceivedBlob& blob) {
  const std::string target = pathOf(blob.sha256);
  if (Poco::File(target).exists()) {
    try {
      verify(blob.sha256, blob.size);
      discard(blob);  // the same bytes are already stored, intact: never overwritten
      // Young again, so housekeeping never takes it before this upload's row is written.
      std::error_code ignored;
      std::filesystem::last_write_time(target, std::filesystem::file_time_type::clock::now(), ignored);
      return;
    } catch (const Error&) {
      // The stored copy is damaged: the upload repairs it (renamed over it below).
    }
  }
  const std::string folder = Poco::Path(target).parent().toString();
  Poco::File(folder).createDirectories();
  fsyncPath(blob.temp_path);
  if (std::rename(blob.temp_path.c_str(), target.c_str()) != 0) {
    discard(blob);
    throw Error(ErrorCode::kStorage, "cannot store the document " + blob.sha256);
  }
  fsyncPath(folder);  // the rename itself must survive a crash
}

void BlobStore::discard(const ReceivedBlob& blob) noexcept { std::remove(blob.temp_path.c_str()); }

void BlobStore::verify(const std::string& sha256, std::uint64_t size) const {
  const std::string path = pathOf(sha256);
  const auto unavailable = [&](const std::string& why) {
    Poco::Logger::get("documents").error("document blob %s: %s", path, why);
    throw Error(ErrorCode::kDocumentUnavailable,
                "this document cannot be served: its stored copy is missing or damaged (reported to the "
                "operators)");
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) unavailable("missing or unreadable");
  Sha256 sha;
  char buffer[65536];
  std::uint64_t read = 0;
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    read += got;
    sha.update(buffer, got);
  }
  if (in.bad()) unavailable("read error");
  if (read != size) unavailable(std::to_string(read) + " bytes instead of " + std::to_string(size));
  if (sha.hex() != sha256) unavailable("content does not match its SHA-256");
}

void BlobStore::checkWritable() const {
  const std::string probe = Poco::Path(root_).append("tmp").append(".ready-probe").toString();
  {
    std::ofstream out(probe, std::ios::binary | std::ios::trunc);
    out << "ok";
    out.flush();
    if (!out) throw Error(ErrorCode::kStorage, "cannot write " + probe);
  }
  std::remove(probe.c_str());
}

std::size_t BlobStore::removeUnreferenced(const std::function<bool(const std::string& sha256)>& referenced,
                                          std::chrono::seconds min_age) const {
  namespace fs = std::filesystem;
  const auto cutoff = fs::file_time_type::clock::now() - min_age;
  std::size_t removed = 0;
  std::error_code error;
  const auto old = [&](const fs::directory_entry& entry) {
    std::error_code ignored;
    return entry.is_regular_file(ignored) && entry.last_write_time(ignored) < cutoff;
  };
  // Uploads interrupted before they were kept (or refused).
  for (fs::directory_iterator it(fs::path(root_) / "tmp", error), end; !error && it != end;
       it.increment(error)) {
    std::error_code ignored;
    if (old(*it) && fs::remove(it->path(), ignored)) ++removed;
  }
  // Blobs kept while their SQL write failed (the bytes land first, the row second).
  for (fs::recursive_directory_iterator it(fs::path(root_) / "sha256", error), end; !error && it != end;
       it.increment(error)) {
    std::error_code ignored;
    if (old(*it) && !referenced(it->path().filename().string()) && fs::remove(it->path(), ignored)) ++removed;
  }
  return removed;
}

}  // namespace cqpm::documents
