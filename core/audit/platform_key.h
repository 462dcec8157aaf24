#pragma once

#include "audit/ed25519_key.h"
#include "common/clock.h"
#include "store/database.h"

namespace cqpm::audit {

/// The platform's signing key, made and stored at first start (migration 26) and read back at
/// every later one: every instance of a deployment signs with the same key. Throws Error{kStorage}
/// if the database fails, Error{kInternal} if the stored key is damaged.
SigningKey platformSigningKey(store::Database& db, const Clock& clock);

}  // namespace cqpm::audit
