// The multipart reader of uploads (http/multipart_form.h, as
// http/handlers/document_handlers.cpp reads an upload form): the input is a
// Content-Type header value on its first line, then the body. The file part is
// read as the blob store reads it (capped), the kind as the handler does, other
// parts are skipped. The scanner reads the body in blocks of 1 to 61 bytes.

#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <sstream>

#include "documents/filename.h"
#include "fuzz_support.h"
#include "http/multipart_form.h"

namespace {

// As the blob store reads a file part: at most `limit` bytes, then a refusal.
void readCappedPart(std::istream& stream, std::size_t limit) {
  char buffer[4096];
  std::size_t total = 0;
  while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
    total += static_cast<std::size_t>(stream.gcount());
    if (total > limit) throw cqpm::Error(cqpm::ErrorCode::kPayloadTooLarge, "too large", "file");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = cqpm::fuzz::asText(data, size);
  const std::size_t line_end = input.find('\n');
  if (line_end == std::string::npos) return 0;
  std::istringstream body(input.substr(line_end + 1));
  // Small blocks, their size from the input: delimiters and headers straddle block edges.
  const std::size_t block_bytes = 1 + input.size() % 61;
  cqpm::fuzz::expectRefusals([&] {
    const std::string boundary = cqpm::http::multipartBoundary(input.substr(0, line_end));
    bool have_file = false;
    cqpm::http::readMultipartForm(
        body, boundary,
        [&](const std::string& name, const std::string& filename, std::istream& part) {
          if (name == "file" && !have_file) {
            have_file = true;
            cqpm::documents::sanitiseFilename(filename);
            readCappedPart(part, 64 * 1024);
          } else if (name == "kind") {
            std::string kind;
            Poco::StreamCopier::copyToString(part, kind, 256);
            Poco::trim(kind.substr(0, 64));
          }
        },
        block_bytes);
  });
  return 0;
}
