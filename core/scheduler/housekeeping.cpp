#include "scheduler/housekeeping.h"

#include <Poco/Timespan.h>

#include "auth/throttle.h"
#include "common/clock.h"
#include "store/document_store.h"
#include "store/housekeeping_store.h"
#include "store/throttle_store.h"

namespace cqpm::scheduler {

Purged purgeExpired(store::Database& db, const Poco::Timestamp& now) {
  const std::string day_ago = toIso8601(now - Poco::Timespan(1, 0, 0, 0, 0));
  return db.write([&](store::SqlSession& sql) {
    Purged purged;
    purged.sessions = store::housekeeping_store::purgeSessions(sql, toIso8601(now), day_ago);
    purged.idempotency_keys = store::housekeeping_store::purgeIdempotencyKeys(sql, day_ago);
    const auto forgotten = std::chrono::duration_cast<std::chrono::seconds>(auth::kLongestThrottleMemory);
    purged.throttle_counts =
        store::throttle_store::purge(sql, toIso8601(now - Poco::Timespan(forgotten.count(), 0)));
    return purged;
  });
}

std::size_t purgeDocumentFiles(store::Database& db, const documents::BlobStore& blobs) {
  const auto referenced =
      db.read([](store::SqlSession& sql) { return store::document_store::referencedBlobs(sql); });
  return blobs.removeUnreferenced([&](const std::string& sha256) { return referenced.count(sha256) > 0; },
                                  std::chrono::hours(24));
}

}  // namespace cqpm::scheduler
