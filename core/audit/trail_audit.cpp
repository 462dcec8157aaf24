#include "audit/trail_audit.h"

#include "store/event_store.h"

namespace cqpm::audit {

namespace {

constexpr int kFileBatch = 500;

}  // namespace

TrailCheck TrailAudit::everything() {
  TrailCheck trail;
  std::string after;
  for (;;) {
    std::vector<std::string> ids;
    db_.read([&](store::SqlSession& sql) { ids = store::event_store::fileIdsAfter(sql, after, kFileBatch); });
    for (const std::string& id : ids) {
      std::vector<domain::FileEvent> events;
      db_.read([&](store::SqlSession& sql) { events = store::event_store::listForFile(sql, id); });
      FileChainCheck check = checkFileChain(id, std::move(events));
      ++trail.files;
      trail.events += check.events;
      if (!check.intact()) {
        ++trail.broken_files;
        if (!trail.first_broken) {
          check.chain.clear();
          trail.first_broken = std::move(check);
        }
      }
    }
    if (ids.size() < static_cast<std::size_t>(kFileBatch)) break;
    after = ids.back();
  }
  trail.admin_log = admin_log_.verify();
  return trail;
}

}  // namespace cqpm::audit
