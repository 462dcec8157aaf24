#pragma once

#include <Poco/Timestamp.h>

#include <cstdint>

#include "documents/blob_store.h"
#include "store/database.h"

namespace cqpm::scheduler {

/// What one housekeeping round removed.
struct Purged {
  std::int64_t sessions = 0;
  std::int64_t idempotency_keys = 0;
  std::int64_t throttle_counts = 0;
};

/// Removes sessions expired at `now` (or revoked more than a day ago),
/// idempotency keys older than 24 h (a retry comes within minutes, and a
/// session past its expiry can never be used again) and throttle counts whose
/// last failure is older than auth::kLongestThrottleMemory (no throttle reads
/// them any more). One transaction.
Purged purgeExpired(store::Database& db, const Poco::Timestamp& now);

/// Removes upload temporaries and unreferenced document blobs older than a
/// day (a blob lands before its row: younger ones may be an upload in
/// progress). Returns how many files went.
std::size_t purgeDocumentFiles(store::Database& db, const documents::BlobStore& blobs);

}  // namespace cqpm::scheduler
