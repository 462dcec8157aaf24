#pragma once

#include <Poco/Timespan.h>

#include "common/clock.h"
#include "notifications/notification_service.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"

namespace cqpm::notifications {

/// Turns durable records into notifications, so no service has to remember to
/// notify. From the file event log: a file entering company_opinion tells the
/// company's tutors their opinion is requested; ready_for_jury tells the
/// centre's coordinators; a decision (certified, blocs_awarded, not_certified)
/// tells the candidate, the company's tutors and the centre's coordinators; a
/// commission assigned tells its evaluators. A referential proposal approved by
/// one college tells the GTP auditors of the other; a published referential
/// version tells every centre coordinator (role_notices.h).
///
/// It reads each source by time from its own stored cursor, starting `margin` before it:
/// an event's `at` is taken before its transaction commits, and instances'
/// clocks differ, so an event may appear late with an earlier time. Events seen
/// twice are harmless: a notification is unique per (user, source_key).
/// Run by the scheduler; safe to run on several instances at once.
class EventNotifier {
 public:
  EventNotifier(store::Database& db, Clock clock, const NotificationService& notifications,
                const plugins::PluginCatalog& catalog, const Poco::Timespan& margin = Poco::Timespan(300, 0))
      : db_(db),
        clock_(std::move(clock)),
        notifications_(notifications),
        catalog_(catalog),
        margin_(margin) {}

  /// Reads the events since the cursor and notifies; returns how many
  /// notifications it created.
  int runOnce();

 private:
  store::Database& db_;
  Clock clock_;
  const NotificationService& notifications_;
  const plugins::PluginCatalog& catalog_;
  Poco::Timespan margin_;
};

}  // namespace cqpm::notifications
