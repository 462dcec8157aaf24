#include "http/request_framing.h"

#include <Poco/String.h>

#include <vector>

#include "common/error.h"

namespace cqpm::http {

namespace {

std::vector<std::string> valuesOf(const Poco::Net::HTTPRequest& head, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& [field, value] : head) {
    if (Poco::icompare(field, name) == 0) values.push_back(Poco::trim(value));
  }
  return values;
}

[[noreturn]] void refuse(const std::string& message, const std::string& field) {
  throw Error(ErrorCode::kMalformedRequest, message, field);
}

}  // namespace

void checkFraming(const Poco::Net::HTTPRequest& head) {
  const std::string& version = head.getVersion();
  if (version != Poco::Net::HTTPMessage::HTTP_1_1 && version != Poco::Net::HTTPMessage::HTTP_1_0) {
    throw Error(ErrorCode::kHttpVersionNotSupported, "only HTTP/1.0 and HTTP/1.1 are served", "version");
  }
  const auto lengths = valuesOf(head, "Content-Length");
  const auto codings = valuesOf(head, "Transfer-Encoding");
  if (!lengths.empty() && !codings.empty()) {
    refuse("a request cannot carry both Content-Length and Transfer-Encoding", "Content-Length");
  }
  if (lengths.size() > 1) refuse("Content-Length is given more than once", "Content-Length");
  if (!lengths.empty()) {
    const std::string& length = lengths.front();
    if (length.empty() || length.size() > 18 || length.find_first_not_of("0123456789") != std::string::npos) {
      refuse("Content-Length must be a number of bytes", "Content-Length");
    }
  }
  if (!codings.empty()) {
    if (version == Poco::Net::HTTPMessage::HTTP_1_0) {
      refuse("HTTP/1.0 requests cannot use Transfer-Encoding", "Transfer-Encoding");
    }
    if (codings.size() > 1 || Poco::icompare(codings.front(), "chunked") != 0) {
      refuse("the only transfer coding accepted is a single \"chunked\"", "Transfer-Encoding");
    }
  }
}

}  // namespace cqpm::http
