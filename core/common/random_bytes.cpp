#include "common/random_bytes.h"

#include <Poco/Base64Encoder.h>
#include <sys/random.h>

#include <sstream>

#include "common/error.h"

namespace cqpm {

std::string randomBytes(std::size_t count) {
  std::string bytes(count, '\0');
  std::size_t filled = 0;
  while (filled < count) {
    const ssize_t got = getrandom(bytes.data() + filled, count - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error(ErrorCode::kInternal, "the system random generator failed");
    }
    filled += static_cast<std::size_t>(got);
  }
  return bytes;
}

std::string randomToken(std::size_t count) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << randomBytes(count);
  encoder.close();
  return out.str();
}

}  // namespace cqpm
