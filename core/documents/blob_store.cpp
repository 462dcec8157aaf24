#include "documents/blob_store.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/UUIDGenerator.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "common/error.h"

namespace cqpm::documents {

namespace {

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
  std::ofstream out(blob.temp_path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorCode::kStorage, "cannot write the upload to " + blob.temp_path);
  // OpenSSL's SHA-256 (Poco::Crypto): about three times faster than Poco's own.
  Poco::Crypto::DigestEngine sha("SHA256");
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    blob.size += got;
    if (blob.size > max_bytes) {
      out.close();
      discard(blob);
      Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
      details->set("max_bytes", static_cast<Poco::UInt64>(max_bytes));
      throw Error(ErrorCode::kPayloadTooLarge,
                  "the file is larger than " + std::to_string(max_bytes) + " bytes", "file", details);
    }
    sha.update(buffer, got);
    out.write(buffer, static_cast<std::streamsize>(got));
  }
  out.flush();
  if (!out) {
    discard(blob);
    throw Error(ErrorCode::kStorage, "cannot write the upload");
  }
  out.close();
  blob.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
  return blob;
}

void BlobStore::keep(const ReceivedBlob& blob) {
  const std::string target = pathOf(blob.sha256);
  if (Poco::File(target).exists()) {  // the same bytes are already stored: never overwritten
    discard(blob);
    return;
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

}  // namespace cqpm::documents
