#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cqpm::app {

/// `cqpm plugin check <dir>...` and `cqpm plugin list [--plugins DIR]`: validate
/// plugins without a server. Returns the process exit code (0 all valid, 1 a
/// plugin was refused, 64 bad usage); reports go to `out`, refusals to `err`.
int runPluginCommand(const std::vector<std::string>& args, const std::string& share_dir, std::ostream& out,
                     std::ostream& err);

}  // namespace cqpm::app
