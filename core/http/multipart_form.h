#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>

#include "http/multipart_scanner.h"

namespace cqpm::http {

/// A multipart/form-data body holds at most this many parts: an upload form has
/// two (kind, file). It also bounds the loop whatever the body holds (Poco
/// 1.11's MultipartReader, used before, yielded empty parts for ever on a body
/// cut short after a part: found by tests/fuzz multipart_fuzz).
inline constexpr std::size_t kMaxMultipartParts = 8;

/// One part of a form: its field name and filename from Content-Disposition
/// (empty when absent), and its bytes as a stream valid during the call.
using MultipartPartReader =
    std::function<void(const std::string& name, const std::string& filename, std::istream& part)>;

/// The boundary of a multipart/form-data Content-Type. Throws
/// Error{kUnsupportedMediaType, field "Content-Type"} for any other type, and
/// for a boundary that is missing, empty, or holds a line break.
std::string multipartBoundary(const std::string& content_type);

/// Reads `body` part by part (MultipartScanner: in blocks of `block_bytes`),
/// calling `on_part` for each in order; what a part's bytes `on_part` does not
/// read are skipped. The part's stream throws (badbit is in its exceptions())
/// when the body turns out malformed while it is read. Throws
/// Error{kInvalidField, "file"} for a malformed body (no closing delimiter, a
/// part or its headers cut short, headers over kMaxPartHeaderBytes or that
/// Poco's MessageHeader refuses) or more than kMaxMultipartParts parts; Errors
/// thrown by `on_part` pass through.
void readMultipartForm(std::istream& body, const std::string& boundary, const MultipartPartReader& on_part,
                       std::size_t block_bytes = kMultipartBlockBytes);

}  // namespace cqpm::http
