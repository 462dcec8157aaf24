#pragma once

#include <string>
#include <string_view>

namespace cqpm::certificates {

/// `utf8` re-encoded in Windows-1252, the byte encoding of the PDF standard fonts with
/// WinAnsiEncoding (it holds every French letter, « », —, œ, €). Characters it cannot hold, and
/// invalid UTF-8, become '?'; control characters become spaces so they never reach a content stream.
std::string toCp1252(std::string_view utf8);

}  // namespace cqpm::certificates
