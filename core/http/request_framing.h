#pragma once

#include <Poco/Net/HTTPRequest.h>

namespace cqpm::http {

/// Refuses, before anything reads a body, a request whose body a proxy in
/// front could delimit differently than we do (request smuggling, RFC 9112
/// §6.3): Content-Length together with Transfer-Encoding, a repeated or
/// non-numeric Content-Length, any transfer coding but a single "chunked"
/// (or on HTTP/1.0); and any protocol version but HTTP/1.0 and HTTP/1.1.
/// Throws Error{kMalformedRequest} or Error{kHttpVersionNotSupported}; the
/// connection must close after the answer, since where the next request
/// starts is unknown.
void checkFraming(const Poco::Net::HTTPRequest& head);

}  // namespace cqpm::http
