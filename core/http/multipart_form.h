#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>

namespace cqpm::http {

/// A multipart/form-data body holds at most this many parts: an upload form has
/// two (kind, file). It also bounds the loop: Poco 1.11's MultipartReader, on a
/// body cut short after a part (no closing delimiter), yields empty parts for
/// ever rather than failing (found by tests/fuzz multipart_fuzz).
inline constexpr std::size_t kMaxMultipartParts = 8;

/// One part of a form: its field name and filename from Content-Disposition
/// (empty when absent), and its bytes as a stream valid during the call.
using MultipartPartReader =
    std::function<void(const std::string& name, const std::string& filename, std::istream& part)>;

/// The boundary of a multipart/form-data Content-Type. Throws
/// Error{kUnsupportedMediaType, field "Content-Type"} for any other type.
std::string multipartBoundary(const std::string& content_type);

/// Reads `body` part by part, calling `on_part` for each in order; what a part's
/// bytes `on_part` does not read are skipped. Throws Error{kInvalidField, "file"}
/// for a malformed body or more than kMaxMultipartParts parts; Errors thrown by
/// `on_part` pass through.
void readMultipartForm(std::istream& body, const std::string& boundary, const MultipartPartReader& on_part);

}  // namespace cqpm::http
