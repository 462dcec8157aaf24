#pragma once

#include "store/deadline_store.h"

namespace cqpm::deadlines {

/// A deadline as DeadlineService answers it; http/deadline_presenters.h renders it.
struct DeadlineView {
  store::DeadlineRecord deadline;  ///< the date in force, the date set, and the extensions oldest first
  bool passed = false;             ///< its Paris day has ended at the service clock's now
};

}  // namespace cqpm::deadlines
