#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cqpm::net {

enum class HeadState {
  kIncomplete,  ///< the empty line that ends the head has not arrived yet
  kComplete,    ///< a whole request head is there: it can be parsed without waiting
  kTooLarge,    ///< max_head_bytes arrived without the end of the head
};

/// Whether the bytes received so far on a connection hold a whole HTTP
/// request head: the request line and headers up to the first empty line
/// (CRLF CRLF, or bare LF LF as lenient parsers accept). Empty lines before the
/// request line are skipped (RFC 9112 §2.2) and do not count as its end.
HeadState scanHead(std::string_view received, std::size_t max_head_bytes);

/// What is wrong with a complete request head, or nullopt when it is well
/// formed (RFC 9112 §3, §5): a request line of a method token, a target of
/// visible characters and a version; header lines of a token name directly
/// followed by a colon and a value without control characters (tab allowed).
/// Lines a lenient parser would skip or join (no colon, a space before the
/// colon, obs-fold continuation lines, a bare CR) are refused, since a proxy
/// in front may read them differently. The defect never quotes the bytes.
std::optional<std::string> headDefect(std::string_view head);

}  // namespace cqpm::net
