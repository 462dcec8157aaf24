// The HTTP request head, as a connection reads it: scanHead() on the bytes
// received, headDefect() on a complete head, then Poco's parser and
// checkFraming() (request smuggling) on a head headDefect() let through.

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

#include <sstream>

#include "fuzz_support.h"
#include "http/request_framing.h"
#include "net/head_scan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string received = cqpm::fuzz::asText(data, size);
  // A small limit too, so that the kTooLarge path is reached.
  cqpm::net::scanHead(received, 64);
  if (cqpm::net::scanHead(received, 16 * 1024) != cqpm::net::HeadState::kComplete) return 0;
  if (cqpm::net::headDefect(received)) return 0;
  cqpm::fuzz::expectRefusals([&] {
    Poco::Net::HTTPRequest request;
    std::istringstream stream(received);
    try {
      request.read(stream);
    } catch (const Poco::Exception&) {
      return;  // the server answers 400 to what Poco cannot parse
    }
    cqpm::http::checkFraming(request);
  });
  return 0;
}
