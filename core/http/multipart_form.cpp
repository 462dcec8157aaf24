#include "http/multipart_form.h"

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>

#include "common/error.h"

namespace cqpm::http {

std::string multipartBoundary(const std::string& content_type) {
  try {
    const Poco::Net::MediaType type(content_type);
    if (type.matches("multipart", "form-data")) return type.getParameter("boundary");
  } catch (const Poco::Exception&) {
  }
  throw Error(ErrorCode::kUnsupportedMediaType,
              "send the document as multipart/form-data with a 'file' field", "Content-Type");
}

void readMultipartForm(std::istream& body, const std::string& boundary, const MultipartPartReader& on_part) {
  try {
    Poco::Net::MultipartReader reader(body, boundary);
    for (std::size_t parts = 0; reader.hasNextPart(); ++parts) {
      if (parts == kMaxMultipartParts) {
        throw Error(ErrorCode::kInvalidField,
                    "the multipart body has more than " + std::to_string(kMaxMultipartParts) + " parts",
                    "file");
      }
      Poco::Net::MessageHeader header;
      reader.nextPart(header);
      std::string disposition;
      Poco::Net::NameValueCollection parameters;
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                                parameters);
      on_part(parameters.get("name", ""), parameters.get("filename", ""), reader.stream());
      Poco::NullOutputStream rest;
      Poco::StreamCopier::copyStream(reader.stream(), rest);
    }
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidField, "the multipart body is malformed: " + e.message(), "file");
  }
}

}  // namespace cqpm::http
