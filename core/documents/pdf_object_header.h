#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cqpm::documents {

/// Looks for an indirect object header in bytes given in pieces: two integers,
/// then `obj`, separated by white space or comments (`%` to the end of the
/// line). Readers that repair a damaged PDF find its objects by these headers;
/// without one, there is no object to run. A table-driven automaton, with the
/// states random bytes sit in most (outside any number, inside a comment)
/// skipped 16 bytes at a time: about 1 ns a byte, a fifth of a byte-by-byte
/// scan (a 20 MiB upload that qpdf cannot read is scanned whole). Not thread-safe.
class PdfObjectHeaderScan {
 public:
  /// Scans the next `size` bytes; true once a header has been seen, here or before.
  bool feed(const char* data, std::size_t size);
  bool found() const;

 private:
  std::uint8_t state_ = 0;
};

/// Whether the file at `path` holds an indirect object header (PdfObjectHeaderScan);
/// false when it cannot be read.
bool hasPdfObjectHeader(const std::string& path);

}  // namespace cqpm::documents
