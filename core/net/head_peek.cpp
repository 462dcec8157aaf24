#include "net/head_peek.h"

#include <sys/socket.h>

namespace cqpm::net {

std::optional<std::string> peekHead(Poco::Net::StreamSocket& socket, std::size_t max_head_bytes) {
  std::string peeked(max_head_bytes + 1, '\0');
  int received = 0;
  try {
    received = socket.receiveBytes(peeked.data(), static_cast<int>(peeked.size()), MSG_PEEK);
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
  if (received <= 0) return std::nullopt;
  peeked.resize(static_cast<std::size_t>(received));
  return peeked;
}

}  // namespace cqpm::net
