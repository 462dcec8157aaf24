#include "http/idempotency_header.h"

#include "common/error.h"
#include "common/sha256.h"
#include "http/if_match_header.h"

namespace cqpm::http {

namespace {
constexpr std::size_t kMaxIdempotencyKeyLength = 200;
}

std::optional<files::IdempotencyKey> idempotencyKeyOf(const Request& request) {
  const std::string key = request.header("Idempotency-Key");
  if (key.empty()) return std::nullopt;
  if (key.size() > kMaxIdempotencyKeyLength) {
    throw Error(ErrorCode::kInvalidField, "Idempotency-Key is longer than 200 characters", "Idempotency-Key");
  }
  // A replay must be the same request: the If-Match it was made against included.
  const std::optional<std::string> if_match = ifMatchOf(request);
  const std::string precondition = if_match ? "If-Match: " + *if_match + "\n" : "";
  return files::IdempotencyKey{
      key, sha256Hex(request.method + " " + request.path + "\n" + precondition + request.body)};
}

}  // namespace cqpm::http
