// The multipart reader of uploads (http/handlers/document_handlers.cpp,
// readUploadForm): the input is a Content-Type header value on its first line,
// then the body. The boundary comes from the media type, each part's
// Content-Disposition is split into parameters, the filename is sanitised and
// each part's bytes read to the end (the file part capped as the blob store
// caps it). The handler turns every Poco::Exception into an Error (400), so
// they are expected here too.

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <sstream>

#include "documents/filename.h"
#include "fuzz_support.h"

namespace {

// As the blob store reads a file part: at most `limit` bytes, then a refusal.
void readCapped(std::istream& stream, std::size_t limit) {
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
  const std::string content_type = input.substr(0, line_end);
  std::istringstream body(input.substr(line_end + 1));
  cqpm::fuzz::expectRefusals([&] {
    std::string boundary;
    try {
      const Poco::Net::MediaType type(content_type);
      if (!type.matches("multipart", "form-data")) return;
      boundary = type.getParameter("boundary");
    } catch (const Poco::Exception&) {
      return;  // 415
    }
    try {
      Poco::Net::MultipartReader reader(body, boundary);
      bool have_file = false;
      while (reader.hasNextPart()) {
        Poco::Net::MessageHeader header;
        reader.nextPart(header);
        std::string disposition;
        Poco::Net::NameValueCollection parameters;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                                  parameters);
        const std::string name = parameters.get("name", "");
        if (name == "file" && !have_file) {
          have_file = true;
          cqpm::documents::sanitiseFilename(parameters.get("filename", ""));
          readCapped(reader.stream(), 64 * 1024);
        } else if (name == "kind") {
          std::string kind;
          Poco::StreamCopier::copyToString(reader.stream(), kind, 256);
          kind = Poco::trim(kind.substr(0, 64));
        } else {
          Poco::NullOutputStream ignore;
          Poco::StreamCopier::copyStream(reader.stream(), ignore);
        }
      }
    } catch (const Poco::Exception&) {
      // 400: "the multipart body is malformed"
    }
  });
  return 0;
}
