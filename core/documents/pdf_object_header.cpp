#include "documents/pdf_object_header.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cqpm::documents {

namespace {

// Where the automaton is after a byte: inside the header ("12 0 obj": first
// number, the separators after it, the second, ...), or in a comment started
// from one of the states a separator leaves (the comment then counts as one
// separator), or done.
enum State : std::uint8_t {
  kNone,
  kFirst,
  kAfterFirst,
  kSecond,
  kAfterSecond,
  kO,
  kOb,
  kCommentNone,
  kCommentAfterFirst,
  kCommentAfterSecond,
  kFound,
  kStates
};

constexpr State step(State state, unsigned char c) {
  const bool digit = c >= '0' && c <= '9';
  const bool line_end = c == '\n' || c == '\r';
  const bool separator = c == ' ' || line_end || c == '\t' || c == '\f' || c == '\0' || c == '%';
  switch (state) {
    case kFound:
      return kFound;
    case kCommentNone:
      return line_end ? kNone : state;
    case kCommentAfterFirst:
      return line_end ? kAfterFirst : state;
    case kCommentAfterSecond:
      return line_end ? kAfterSecond : state;
    default:
      break;
  }
  State next = kNone;
  switch (state) {
    case kFirst:
      next = digit ? kFirst : separator ? kAfterFirst : kNone;
      break;
    case kAfterFirst:
      next = digit ? kSecond : separator ? kAfterFirst : kNone;
      break;
    case kSecond:
      next = digit ? kSecond : separator ? kAfterSecond : kNone;
      break;
    case kAfterSecond:
      next = digit ? kSecond : separator ? kAfterSecond : c == 'o' ? kO : kNone;
      break;
    case kO:
      next = c == 'b' ? kOb : kNone;
      break;
    case kOb:
      if (c == 'j') return kFound;
      break;
    default:
      break;
  }
  if (next == kNone && digit) next = kFirst;
  if (c == '%') {
    next = next == kAfterFirst    ? kCommentAfterFirst
           : next == kAfterSecond ? kCommentAfterSecond
                                  : kCommentNone;
  }
  return next;
}

// The next state for each state and byte, at index state * 256 + byte.
constexpr auto kTable = [] {
  std::array<std::uint8_t, std::size_t{kStates} * 256> table{};
  for (std::uint8_t state = 0; state < kStates; ++state) {
    for (int c = 0; c < 256; ++c)
      table[state * 256 + c] = step(static_cast<State>(state), static_cast<unsigned char>(c));
  }
  return table;
}();

// From `at`, the first byte that can move the automaton out of kNone (a digit
// or '%') or, in a comment, out of kCommentNone (a line end); `size` if none.
// Without SSE2, `at` itself: the table then takes every byte.
std::size_t skipQuiet(const unsigned char* bytes, std::size_t at, std::size_t size, bool in_comment) {
#if defined(__SSE2__)
  const __m128i nine = _mm_set1_epi8(9);
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i percent = _mm_set1_epi8('%');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; at + 16 <= size; at += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    __m128i wanted;
    if (in_comment) {
      wanted = _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr));
    } else {
      const __m128i less_zero = _mm_sub_epi8(v, zero);  // a digit is 0..9 here, as unsigned bytes
      wanted =
          _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(less_zero, nine), less_zero), _mm_cmpeq_epi8(v, percent));
    }
    if (const int mask = _mm_movemask_epi8(wanted); mask != 0) return at + __builtin_ctz(mask);
  }
#endif
  return at;
}

}  // namespace

bool PdfObjectHeaderScan::feed(const char* data, std::size_t size) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  std::uint32_t state = state_;
  for (std::size_t at = 0; at < size && state != kFound;) {
    if (state == kNone || state == kCommentNone) {
      at = skipQuiet(bytes, at, size, state == kCommentNone);
      if (at == size) break;
    }
    state = kTable[(state << 8) | bytes[at++]];
  }
  state_ = static_cast<std::uint8_t>(state);
  return found();
}

bool PdfObjectHeaderScan::found() const { return state_ == kFound; }

namespace {

/// Whether the file holds "obj" right after a byte that ends a separator run
/// (white space or a comment's line end): the only way the automaton reaches
/// `obj`, so without one there is no header. A memchr for 'o', about twenty
/// times faster than the automaton on bytes that are not text (compressed
/// streams, images).
bool mayHoldObjectHeader(std::ifstream& in) {
  constexpr std::size_t kCarry = 3;  // "?ob" may end one block, "j" start the next
  std::vector<char> buffer(kCarry + (std::size_t{1} << 16));
  std::size_t kept = 0;
  while (in) {
    in.read(buffer.data() + kept, static_cast<std::streamsize>(buffer.size() - kept));
    const std::size_t size = kept + static_cast<std::size_t>(in.gcount());
    for (std::size_t at = 1; at + 3 <= size;) {
      const void* o = std::memchr(buffer.data() + at, 'o', size - 2 - at);
      if (o == nullptr) break;
      at = static_cast<std::size_t>(static_cast<const char*>(o) - buffer.data());
      const char before = buffer[at - 1];
      if (buffer[at + 1] == 'b' && buffer[at + 2] == 'j' &&
          (before == ' ' || before == '\n' || before == '\r' || before == '\t' || before == '\f' ||
           before == '\0')) {
        return true;
      }
      ++at;
    }
    kept = std::min(size, kCarry);
    std::memmove(buffer.data(), buffer.data() + size - kept, kept);
  }
  return false;
}

}  // namespace

bool hasPdfObjectHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!mayHoldObjectHeader(in)) return false;
  in.clear();
  in.seekg(0);
  std::vector<char> buffer(std::size_t{1} << 16);
  PdfObjectHeaderScan scan;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (scan.feed(buffer.data(), static_cast<std::size_t>(in.gcount()))) return true;
  }
  return false;
}

}  // namespace cqpm::documents
