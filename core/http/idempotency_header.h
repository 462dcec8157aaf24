#pragma once

#include <optional>

#include "files/idempotent_write.h"
#include "http/exchange.h"

namespace cqpm::http {

/// The request's Idempotency-Key with the fingerprint of what it asks (method,
/// path, body), or nullopt without the header. Error{kInvalidField} for a key
/// longer than 200 characters.
std::optional<files::IdempotencyKey> idempotencyKeyOf(const Request& request);

}  // namespace cqpm::http
