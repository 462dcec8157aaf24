#include "common/random_bytes.h"

#include <sys/random.h>

#include "common/base64url.h"
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

std::string randomToken(std::size_t count) { return base64Url(randomBytes(count)); }

}  // namespace cqpm
