#pragma once

#include "deadlines/deadline_service.h"
#include "store/database.h"

namespace cqpm::demo {

/// The demo's report deadlines, set by the first centre's coordinator through
/// the deadline service: Lucas Martin's report (modalities agreed) is due in
/// three weeks; Hugo Bonnet's (registered) was due three days ago, so the
/// dashboard shows an overdue file and the first scheduler round its notice.
/// Dates are relative to the day the demo is seeded. Call after seedDemo
/// created the demo; a file that is not where the demo left it is skipped.
void seedDeadlineDemo(store::Database& db, deadlines::DeadlineService& deadlines);

}  // namespace cqpm::demo
