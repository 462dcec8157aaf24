#pragma once

#include <cstddef>
#include <istream>
#include <span>
#include <string>
#include <vector>

namespace cqpm::http {

/// Bytes a multipart body is read in at a time.
inline constexpr std::size_t kMultipartBlockBytes = std::size_t{64} << 10;
/// A part's header block (Content-Disposition, Content-Type and the blank line) holds at most this many
/// bytes.
inline constexpr std::size_t kMaxPartHeaderBytes = std::size_t{16} << 10;

/// Splits a multipart body (RFC 2046 §5.1.1) at its delimiters, reading it in
/// blocks: a part's bytes are handed out a block at a time straight from the
/// scanner's buffer, never a byte at a time (Poco's MultipartReader makes one
/// virtual call per byte: a 20 MiB upload spent most of its time there).
///
/// A delimiter is "--boundary" at the start of a line (after CRLF, or a bare
/// LF as Poco accepted), followed by CRLF or LF (another part follows) or by
/// "--" (the closing delimiter; the epilogue after it is never read). Anything
/// else after "--boundary" is part content. What precedes the first delimiter
/// (the preamble) is skipped. Memory is bounded: one block, a part's header
/// block, and the length of the delimiter.
///
/// Errors: Error{kInvalidField, field "file"} when the body ends before the
/// closing delimiter (no first delimiter, a cut part, cut headers) or a
/// header block exceeds kMaxPartHeaderBytes; once failed, every later call
/// throws the same error. Errors of `body`'s stream buffer pass through.
/// Not thread-safe; borrows `body`, which must outlive the scanner.
class MultipartScanner {
 public:
  /// `boundary` must be non-empty and free of CR and LF (multipartBoundary checks it);
  /// `block_bytes` (at least 1) is how much is read from `body` at a time.
  MultipartScanner(std::istream& body, const std::string& boundary,
                   std::size_t block_bytes = kMultipartBlockBytes);

  /// Skips what is left of the current part (at first, the preamble) and its
  /// delimiter. True when a part follows, false after the closing delimiter.
  bool nextPart();
  /// The current part's header block, up to and including the blank line
  /// that ends it (CRLF or LF line ends). Call once per part, right after nextPart().
  std::string readHeaders();
  /// The next bytes of the current part, valid until the next call on the
  /// scanner; empty at the end of the part.
  std::span<char> nextContent();

 private:
  enum class After { kNone, kPart, kClose };
  enum class State { kContent, kHeaders, kClosed };

  [[noreturn]] void fail(const std::string& why);
  /// Reads more of the body after the buffered bytes (moved to the front first).
  /// False at the end of the body.
  bool readMore();
  /// Looks for the current part's delimiter among the buffered bytes from search_from_.
  void search();
  /// What follows a "\n--boundary" found at `at`; kNone when it is content, or
  /// when more bytes are needed to know (`undecided` is then set).
  After classify(std::size_t at, bool& undecided) const;

  std::istream& body_;
  std::string needle_;  // "\n--boundary"
  std::size_t block_bytes_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;          // first byte not yet handed out
  std::size_t end_ = 0;            // end of the bytes read
  std::size_t search_from_ = 0;    // where the search for the delimiter resumes
  std::size_t delimiter_ = 0;      // where the delimiter found starts (its "\n"), when after_ is set
  std::size_t next_ = 0;           // first byte after the delimiter's line end
  After after_ = After::kNone;     // what the delimiter found announces
  State state_ = State::kContent;  // the preamble counts as a part whose bytes are skipped
  bool in_preamble_ = true;
  bool headers_pending_ = false;  // nextPart() found a part whose headers readHeaders() has not read
  bool at_end_ = false;           // the body has no more bytes
  std::string failure_;
};

}  // namespace cqpm::http
