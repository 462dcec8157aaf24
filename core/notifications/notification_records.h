#pragma once

#include <cstdint>
#include <vector>

#include "store/notification_store.h"

namespace cqpm::notifications {

/// What NotificationService::list answers; http/notification_presenters.h renders it.
struct NotificationList {
  std::vector<store::NotificationRecord> items;  ///< the actor's own, newest first, at most the limit asked
  std::int64_t unread = 0;                       ///< all the actor's unread ones, beyond the limit too
};

}  // namespace cqpm::notifications
