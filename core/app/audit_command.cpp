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
#include "awards/award_credential.h"
#include "common/clock.h"
#include "common/error.h"
#include "store/database_url.h"
#include "store/migrations.h"

namespace cqpm::app {

namespace {

constexpr const char* kAuditUsageText =
    "usage: cqpm audit verify\n"
    "       cqpm audit public-key\n"
    "       cqpm audit verify-bundle FILE.zip [--public-key KEY.pem]\n"
    "       cqpm audit verify-credential FILE.jwt [--public-key KEY.pem]\n";

// The key given as the command's option (parsed by the application) or after the file in its
// arguments ("--public-key KEY.pem"); nullopt when none is given. Throws std::runtime_error saying
// what is wrong with the key.
std::optional<audit::VerifyingKey> givenKey(const std::vector<std::string>& args,
                                            const AuditOptions& options) {
  const bool key_in_args = args.size() == 5 && args[3] == "--public-key";
  const std::string key_path = key_in_args ? args[4] : options.public_key_file;
  if (key_path.empty()) return std::nullopt;
  std::ifstream key_file(key_path, std::ios::binary);
  if (!key_file) throw std::runtime_error("cannot read " + key_path);
  std::ostringstream pem;
  pem << key_file.rdbuf();
  try {
    return audit::VerifyingKey::fromPem(pem.str());
  } catch (const Error& e) {
    throw std::runtime_error(key_path + ": " + e.what());
  }
}

bool wellFormed(const std::vector<std::string>& args) {
  return args.size() == 3 || (args.size() == 5 && args[3] == "--public-key");
}

// Offline: the bundle alone, checked against the key given (the one the platform publishes at
// /.well-known/jwks.json, or `cqpm audit public-key`'s), else against the key it carries.
int verifyBundleFile(const std::vector<std::string>& args, const AuditOptions& options, std::ostream& out,
                     std::ostream& err) {
  if (!wellFormed(args)) {
    err << kAuditUsageText;
    return kAuditUsage;
  }
  std::optional<audit::VerifyingKey> pinned;
  try {
    pinned = givenKey(args, options);
  } catch (const std::runtime_error& e) {
    err << "cqpm audit verify-bundle: " << e.what() << "\n";
    return kAuditUsage;
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

// Offline: the credential alone, checked with the platform's key (a credential carries no key of
// its own, so the key is required). Its revocation is checked online at the id it names.
int verifyCredentialFile(const std::vector<std::string>& args, const AuditOptions& options, std::ostream& out,
                         std::ostream& err) {
  std::optional<audit::VerifyingKey> key;
  try {
    if (wellFormed(args)) key = givenKey(args, options);
  } catch (const std::runtime_error& e) {
    err << "cqpm audit verify-credential: " << e.what() << "\n";
    return kAuditUsage;
  }
  if (!key) {
    err << kAuditUsageText
        << "verify-credential needs the platform's key: /.well-known/jwks.json or `cqpm audit public-key`\n";
    return kAuditUsage;
  }
  std::ifstream file(args[2], std::ios::binary);
  if (!file) {
    err << "cqpm audit verify-credential: cannot read " << args[2] << "\n";
    return kAuditUsage;
  }
  std::ostringstream jwt;
  jwt << file.rdbuf();
  std::string text = jwt.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  const awards::CredentialCheck check = awards::checkCredentialJwt(text, *key);
  if (!check.signature_valid) {
    err << "BROKEN credential: " << check.problem << "\n";
    return kAuditBroken;
  }
  out << "holder: " << check.holder_name << "\nachievement: " << check.achievement
      << "\nissued: " << check.issued << "\ndecision seal (SHA-256): " << check.decision_sha256
      << "\nreferential commit: " << check.referential_commit << "\nsigned by key " << key->keyId()
      << "\nthe signature is valid; check that it is not revoked at " << check.verification_url << "\n";
  return kAuditIntact;
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
  if (args.size() >= 2 && args[1] == "verify-credential")
    return verifyCredentialFile(args, options, out, err);
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
