#include "common/base64url.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <iterator>
#include <sstream>

#include "common/error.h"

namespace cqpm {

std::string base64Url(std::string_view bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

std::string fromBase64Url(std::string_view text, const std::string& field) {
  for (const char c : text) {
    const bool allowed =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) throw Error(ErrorCode::kInvalidField, field + " is not base64url", field);
  }
  std::istringstream in{std::string(text)};
  Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  try {
    return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception&) {  // a length no encoder gives (one character left over)
    throw Error(ErrorCode::kInvalidField, field + " is not base64url", field);
  }
}

}  // namespace cqpm
