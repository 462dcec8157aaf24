#include "observability/line_channel.h"

#include <Poco/Message.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace cqpm::observability {

void LineChannel::log(const Poco::Message& message) {
  std::string line = message.getText();
  line += '\n';
  const char* next = line.data();
  std::size_t left = line.size();
  // A line longer than the pipe's buffer may go out in parts; a few tries,
  // then what is left is dropped rather than blocking a request for ever.
  for (int tries = 0; left > 0 && tries < 16; ++tries) {
    const ssize_t written = ::write(fd_, next, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return;  // the descriptor is gone: logging must never fail a request
    }
    next += written;
    left -= static_cast<std::size_t>(written);
  }
}

}  // namespace cqpm::observability
