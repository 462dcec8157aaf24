#pragma once

#include <mutex>
#include <string>
#include <vector>

struct magic_set;

namespace cqpm::documents {

/// The type of a file's bytes, read by libmagic (the extension and the
/// client's Content-Type are never trusted). Thread-safe: libmagic's handle is
/// not, so calls are serialised (sniffing reads only the first bytes).
class TypeSniffer {
 public:
  TypeSniffer();
  ~TypeSniffer();
  TypeSniffer(const TypeSniffer&) = delete;
  TypeSniffer& operator=(const TypeSniffer&) = delete;

  /// The MIME type of the file at `path` ("application/pdf"). Error{kInternal} if libmagic fails.
  std::string mimeTypeOf(const std::string& path);

 private:
  std::mutex mutex_;
  magic_set* cookie_ = nullptr;  // owned; freed with magic_close
};

/// The document types a file may hold, by MIME type, with the file name
/// extensions that go with each. Empty for a type outside the allow-list.
const std::vector<std::string>& extensionsOf(const std::string& mime_type);

}  // namespace cqpm::documents
