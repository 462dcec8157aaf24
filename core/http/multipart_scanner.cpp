#include "http/multipart_scanner.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace cqpm::http {

namespace {

// After "--boundary", two bytes tell a delimiter ("--", CRLF; LF needs one) from content.
constexpr std::size_t kDecisionBytes = 2;

}  // namespace

MultipartScanner::MultipartScanner(std::istream& body, const std::string& boundary, std::size_t block_bytes)
    : body_(body), needle_("\n--" + boundary), block_bytes_(std::max<std::size_t>(block_bytes, 1)) {
  // A line end before the body: a delimiter on its first line is then found like any other.
  buffer_ = {'\r', '\n'};
  end_ = buffer_.size();
}

void MultipartScanner::fail(const std::string& why) {
  failure_ = why;
  throw Error(ErrorCode::kInvalidField, "the multipart body is malformed: " + why, "file");
}

bool MultipartScanner::readMore() {
  if (at_end_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    search_from_ -= std::min(search_from_, begin_);
    begin_ = 0;
  }
  if (buffer_.size() < end_ + block_bytes_) buffer_.resize(end_ + block_bytes_);
  // The stream buffer itself: no sentry, no per-call state of the istream.
  const std::streamsize got =
      body_.rdbuf()->sgetn(buffer_.data() + end_, static_cast<std::streamsize>(block_bytes_));
  if (got <= 0) {
    at_end_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(got);
  return true;
}

MultipartScanner::After MultipartScanner::classify(std::size_t at, bool& undecided) const {
  const std::size_t available = end_ - at;
  const std::size_t size = needle_.size();
  if (std::memcmp(buffer_.data() + at, needle_.data(), std::min(available, size)) != 0) return After::kNone;
  if (available < size + kDecisionBytes && !at_end_) {
    undecided = true;
    return After::kNone;
  }
  if (available <= size) return After::kNone;
  const char* rest = buffer_.data() + at + size;
  const std::size_t left = available - size;
  if (rest[0] == '\n') return After::kPart;
  if (left >= 2 && rest[0] == '\r' && rest[1] == '\n') return After::kPart;
  if (left >= 2 && rest[0] == '-' && rest[1] == '-') return After::kClose;
  return After::kNone;  // "--boundary" followed by anything else is content
}

void MultipartScanner::search() {
  // glibc's memmem skips ahead by a shift table and falls back to the two-way
  // algorithm when a body makes skipping slow: linear whatever the content
  // (a plain Boyer-Moore-Horspool can be made quadratic by a crafted body).
  while (after_ == After::kNone && search_from_ < end_) {
    const void* hit =
        ::memmem(buffer_.data() + search_from_, end_ - search_from_, needle_.data(), needle_.size());
    if (hit == nullptr) {
      // Only a delimiter's first bytes can hide in the last needle_.size() - 1 bytes.
      search_from_ = std::max(search_from_, end_ - std::min(end_, needle_.size() - 1));
      return;
    }
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - buffer_.data());
    bool undecided = false;
    const After after = classify(at, undecided);
    if (undecided) {
      search_from_ = at;  // decided once more bytes are read
      return;
    }
    if (after != After::kNone) {
      delimiter_ = at;
      next_ = at + needle_.size() + (buffer_[at + needle_.size()] == '\n' ? 1 : 2);
      after_ = after;
      return;
    }
    search_from_ = at + 1;
  }
}

std::span<char> MultipartScanner::nextContent() {
  if (!failure_.empty()) fail(failure_);
  if (state_ != State::kContent) return {};
  // Held back until the next block: a delimiter not decided yet, and the CR before it.
  const std::size_t keep = needle_.size() + kDecisionBytes;
  for (;;) {
    search();
    if (after_ != After::kNone) {
      std::size_t end = delimiter_;
      if (end > begin_ && buffer_[end - 1] == '\r') --end;  // the CRLF before "--boundary" is the delimiter's
      if (end > begin_) {
        const std::span<char> content(buffer_.data() + begin_, end - begin_);
        begin_ = end;
        return content;
      }
      begin_ = next_;
      search_from_ = begin_;
      state_ = after_ == After::kClose ? State::kClosed : State::kHeaders;
      after_ = After::kNone;
      in_preamble_ = false;
      return {};
    }
    if (at_end_) {
      fail(in_preamble_ ? "no boundary line found"
                        : "the body ends inside a part, before the closing boundary");
    }
    if (end_ > begin_ + keep) {
      const std::span<char> content(buffer_.data() + begin_, end_ - keep - begin_);
      begin_ = end_ - keep;
      return content;
    }
    readMore();  // at the end, the next round decides what is held back, or fails
  }
}

bool MultipartScanner::nextPart() {
  if (!failure_.empty()) fail(failure_);
  if (headers_pending_) readHeaders();  // the current part's headers were never read: skipped too
  while (state_ == State::kContent) nextContent();
  headers_pending_ = state_ == State::kHeaders;
  return headers_pending_;
}

std::string MultipartScanner::readHeaders() {
  if (!failure_.empty()) fail(failure_);
  if (state_ != State::kHeaders) return {};
  headers_pending_ = false;
  std::size_t line = 0;     // where the current line starts, from begin_
  std::size_t scanned = 0;  // bytes from begin_ known to hold no "\n" after `line`
  for (;;) {
    const std::size_t from = begin_ + std::max(line, scanned);
    const void* hit = from < end_ ? std::memchr(buffer_.data() + from, '\n', end_ - from) : nullptr;
    if (hit != nullptr) {
      const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - buffer_.data());
      const std::size_t start = begin_ + line;
      const bool blank = at == start || (at == start + 1 && buffer_[start] == '\r');
      line = scanned = at + 1 - begin_;
      if (line > kMaxPartHeaderBytes) break;
      if (blank) {
        std::string headers(buffer_.data() + begin_, line);
        begin_ += line;
        search_from_ = begin_;
        state_ = State::kContent;
        return headers;
      }
      continue;
    }
    scanned = end_ - begin_;
    if (scanned > kMaxPartHeaderBytes) break;
    if (!readMore()) fail("the body ends inside a part's headers");
  }
  fail("a part's headers are longer than " + std::to_string(kMaxPartHeaderBytes) + " bytes");
}

}  // namespace cqpm::http
