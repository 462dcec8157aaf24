#pragma once

#include <functional>
#include <optional>
#include <string>

#include "store/idempotency_store.h"

namespace cqpm::files {

/// The Idempotency-Key of a request and the fingerprint of what it asked
/// (method, path, body), so a key reused for another request is refused.
struct IdempotencyKey {
  std::string key;
  std::string request_hash;
};

/// Turns the outcome of a write into the answer sent to the client, inside the
/// write transaction, so the answer to a retried request is the first one.
using ResponseRenderer = std::function<store::StoredResponse()>;

}  // namespace cqpm::files
