#include "app/audit_command.h"

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "audit/trail_audit.h"
#include "common/clock.h"
#include "store/database_url.h"
#include "store/migrations.h"

namespace cqpm::app {

namespace {

constexpr const char* kAuditUsageText = "usage: cqpm audit verify\n";

void printTrailCheck(const audit::TrailCheck& trail, std::ostream& out, std::ostream& err) {
  out << "files: " << trail.files << " checked, " << trail.events << " events\n";
  if (trail.first_broken) {
    const auto& broken = *trail.first_broken;
    err << "BROKEN file " << broken.file_id << ", event " << *broken.broken_at << ": " << broken.problem
        << "\n";
    if (trail.broken_files > 1) err << trail.broken_files << " files have a broken chain\n";
  }
  out << "administration log: " << trail.admin_log.entries << " entries\n";
  if (trail.admin_log.broken_at)
    err << "BROKEN administration log, entry " << *trail.admin_log.broken_at << ": "
        << trail.admin_log.problem << "\n";
  if (trail.intact()) out << "every chain is intact\n";
}

}  // namespace

int runAuditCommand(const std::vector<std::string>& args, const AuditOptions& options, std::ostream& out,
                    std::ostream& err) {
  if (args.size() != 2 || args[1] != "verify") {
    err << kAuditUsageText;
    return kAuditUsage;
  }
  std::unique_ptr<store::Database> db;
  try {
    // A missing folder is an operator's mistake, not a new, empty platform to vouch for.
    if (options.database_url.empty() && !std::filesystem::is_directory(options.data_dir))
      throw std::runtime_error("no data folder at " + options.data_dir);
    db = store::Database::open(store::DatabaseUrl::parse(options.database_url, options.data_dir));
    store::applyMigrations(*db, store::embeddedMigrations(), systemClock());
  } catch (const std::exception& e) {
    err << "cqpm audit: cannot open the data: " << e.what() << "\n";
    return kAuditUsage;
  }
  try {
    audit::TrailAudit audit(*db);
    const audit::TrailCheck trail = audit.everything();
    printTrailCheck(trail, out, err);
    return trail.intact() ? kAuditIntact : kAuditBroken;
  } catch (const std::exception& e) {
    err << "cqpm audit verify: " << e.what() << "\n";
    return kAuditUsage;
  }
}

}  // namespace cqpm::app
