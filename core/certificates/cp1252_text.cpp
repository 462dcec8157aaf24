#include "certificates/cp1252_text.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

namespace cqpm::certificates {

std::string toCp1252(std::string_view utf8) {
  Poco::UTF8Encoding from;
  Poco::Windows1252Encoding to;
  Poco::TextConverter converter(from, to, '?');
  std::string converted;
  converter.convert(utf8.data(), static_cast<int>(utf8.size()), converted);
  for (char& c : converted) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
  }
  return converted;
}

}  // namespace cqpm::certificates
