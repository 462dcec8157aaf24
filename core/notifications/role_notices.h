#pragma once

#include <string>

#include "notifications/notification_service.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"

namespace cqpm::notifications {

/// What one scan of a notification source did.
struct ScanResult {
  int created = 0;      ///< notifications created
  std::string last_at;  ///< the latest time of the source rows read; "" when none
};

/// The notices EventNotifier derives from durable records other than state
/// changes, each read from `since` (at most `limit` source rows, oldest first)
/// on the caller's write transaction. Each source row gives one deterministic
/// source_key per recipient, so reading a row again creates nothing.

/// A "commission_assigned" event tells each evaluator of the commission, once
/// per file, that they evaluate it (kind commission_member).
ScanResult notifyCommissionMembers(store::SqlSession& sql, const NotificationService& notifications,
                                   const plugins::PluginCatalog& catalog, const std::string& since,
                                   const std::string& now, int limit);

/// An approval of a referential proposal that leaves it open (one college has
/// approved) tells the GTP auditors of the other college that it awaits their
/// approval (kind proposal_awaiting_college).
ScanResult notifyCollegesAwaiting(store::SqlSession& sql, const NotificationService& notifications,
                                  const plugins::PluginCatalog& catalog, const std::string& since,
                                  const std::string& now, int limit);

/// A published referential version (after the first, which only seeds the
/// store) tells every centre coordinator (kind referential_published).
ScanResult notifyPublishedVersions(store::SqlSession& sql, const NotificationService& notifications,
                                   const plugins::PluginCatalog& catalog, const std::string& since,
                                   const std::string& now, int limit);

}  // namespace cqpm::notifications
