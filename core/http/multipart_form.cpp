#include "http/multipart_form.h"

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>

#include <sstream>

#include "common/error.h"

namespace cqpm::http {

namespace {

/// A part's bytes as a stream buffer: each underflow hands the reader a whole
/// block of the scanner's buffer (no copy, no call per byte).
class PartBuffer : public std::streambuf {
 public:
  explicit PartBuffer(MultipartScanner& scanner) : scanner_(scanner) {}

 protected:
  int_type underflow() override {
    const std::span<char> content = scanner_.nextContent();
    if (content.empty()) return traits_type::eof();
    setg(content.data(), content.data(), content.data() + content.size());
    return traits_type::to_int_type(content.front());
  }

 private:
  MultipartScanner& scanner_;
};

}  // namespace

std::string multipartBoundary(const std::string& content_type) {
  try {
    const Poco::Net::MediaType type(content_type);
    if (type.matches("multipart", "form-data")) {
      std::string boundary = type.getParameter("boundary");
      if (!boundary.empty() && boundary.find_first_of("\r\n") == std::string::npos) return boundary;
    }
  } catch (const Poco::Exception&) {
  }
  throw Error(ErrorCode::kUnsupportedMediaType,
              "send the document as multipart/form-data with a 'file' field", "Content-Type");
}

void readMultipartForm(std::istream& body, const std::string& boundary, const MultipartPartReader& on_part,
                       std::size_t block_bytes) {
  if (boundary.empty() || boundary.find_first_of("\r\n") != std::string::npos) {
    throw Error(ErrorCode::kInvalidField, "the multipart boundary is empty or holds a line break", "file");
  }
  try {
    MultipartScanner scanner(body, boundary, block_bytes);
    for (std::size_t parts = 0; scanner.nextPart(); ++parts) {
      if (parts == kMaxMultipartParts) {
        throw Error(ErrorCode::kInvalidField,
                    "the multipart body has more than " + std::to_string(kMaxMultipartParts) + " parts",
                    "file");
      }
      std::istringstream headers(scanner.readHeaders());
      Poco::Net::MessageHeader header;
      header.read(headers);
      std::string disposition;
      Poco::Net::NameValueCollection parameters;
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                                parameters);
      PartBuffer buffer(scanner);
      std::istream part(&buffer);
      part.exceptions(std::ios::badbit);  // a malformed body reaches the reader as the Error it is
      on_part(parameters.get("name", ""), parameters.get("filename", ""), part);
    }
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidField, "the multipart body is malformed: " + e.message(), "file");
  }
}

}  // namespace cqpm::http
