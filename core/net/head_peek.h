#pragma once

#include <Poco/Net/StreamSocket.h>

#include <cstddef>
#include <optional>
#include <string>

namespace cqpm::net {

/// The bytes waiting on `socket`, read without consuming them (MSG_PEEK), at
/// most max_head_bytes + 1: enough for scanHead to tell a head too large. The
/// worker that later serves the request reads them again from the socket.
/// nullopt when the client closed or reset the connection.
std::optional<std::string> peekHead(Poco::Net::StreamSocket& socket, std::size_t max_head_bytes);

}  // namespace cqpm::net
