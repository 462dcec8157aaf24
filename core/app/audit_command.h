#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cqpm::app {

/// Where `cqpm audit` finds the data.
struct AuditOptions {
  std::string data_dir = "var";
  std::string database_url;     ///< empty: SQLite in data_dir
  std::string public_key_file;  ///< verify-bundle: --public-key, the key to check with
};

/// Exit codes of `cqpm audit`.
inline constexpr int kAuditIntact = 0;
inline constexpr int kAuditBroken = 1;  ///< a chain or a bundle is broken: what is named
inline constexpr int kAuditUsage = 2;   ///< bad arguments, or the data cannot be opened

/// `cqpm audit verify`: walks every candidate file's chain of events and the
/// administration log's chain, prints how many links were checked and, for a
/// broken chain, the first broken link (file, event number, what is wrong).
/// Reads only; safe while the server runs.
/// `cqpm audit public-key`: prints the platform's signing key (PEM) and its id.
/// `cqpm audit verify-bundle FILE.zip [--public-key KEY.pem]`: checks an audit
/// bundle offline (no data needed): exit 1 naming every altered item.
/// `cqpm audit verify-credential FILE.jwt --public-key KEY.pem`: checks an award's
/// credential offline and prints what it states: exit 1 if its signature fails.
int runAuditCommand(const std::vector<std::string>& args, const AuditOptions& options, std::ostream& out,
                    std::ostream& err);

}  // namespace cqpm::app
