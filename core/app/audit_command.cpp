#include "app/audit_command.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "audit/audit_bundle.h"
#include "audit/platform_key.h"
#include "audit/trail_audit.h"
#include "common/clock.h"
#include "common/error.h"
#include "store/database_url.h"
#include "store/migrations.h"

namespace cqpm::app {

namespace {

constexpr const char* kAuditUsageText =
    "usage: cqpm audit verify\n"
    "       cqpm audit public-key\n"
    "       cqpm audit verify-bundle FILE.zip [--public-key KEY.pem]\n";

// Offline: the bundle alone, checked against the key given (the one the platform publishes at
// /.well-known/jwks.json, or `cqpm audit public-key`'s), else against the key it carries.
int verifyBundleFile(const std::vector<std::string>& args, const AuditOptions& options, std::ostream& out,
                     std::ostream& err) {
  std::optional<audit::VerifyingKey> pinned;
  // The key comes as the command's option (parsed by the application) or in its arguments.
  const bool key_in_args = args.size() == 5 && args[3] == "--public-key";
  if (args.size() != 3 && !key_in_args) {
    err << kAuditUsageText;
    return kAuditUsage;
  }
  const std::string key_path = key_in_args ? args[4] : options.public_key_file;
  if (!key_path.empty()) {
    std::ifstream key_file(key_path, std::ios::binary);
    if (!key_file) {
      err << "cqpm audit verify-bundle: cannot read " << key_path << "\n";
      return kAuditUsage;
    }
    std::ostringstream pem;
    pem << key_file.rdbuf();
    try {
      pinned = audit::VerifyingKey::fromPem(pem.str());
    } catch (const Error& e) {
      err << "cqpm audit verify-bundle: " << key_path << ": " << e.what() << "\n";
      return kAuditUsage;
    }
  }
  std::ifstream zip(args[2], std::ios::binary);
  if (!zip) {
    err << "cqpm audit verify-bundle: cannot read " << args[2] << "\n";
    return kAuditUsage;
  }
  const audit::BundleCheck check = audit::verifyBundle(zip, pinned);
  out << "bundle of file " << (check.file_id.empty() ? "?" : check.file_id) << ": " << check.items
      << " items, signed by key " << (check.key_id.empty() ? "?" : check.key_id)
      << (pinned ? " (the key given)" : " (the key it carries: compare it with the platform's)") << "\n";
  for (const auto& problem : check.problems)
    err << "BROKEN " << problem.item << ": " << problem.problem << "\n";
  if (check.intact()) out << "every item is as signed\n";
  return check.intact() ? kAuditIntact : kAuditBroken;
}

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
  if (args.size() >= 2 && args[1] == "verify-bundle") return verifyBundleFile(args, options, out, err);
  if (args.size() != 2 || (args[1] != "verify" && args[1] != "public-key")) {
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
  if (args[1] == "public-key") {
    try {
      const audit::VerifyingKey key = audit::platformSigningKey(*db, systemClock()).publicKey();
      out << key.pem() << "key id: " << key.keyId() << "\n";
      return kAuditIntact;
    } catch (const std::exception& e) {
      err << "cqpm audit public-key: " << e.what() << "\n";
      return kAuditUsage;
    }
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
