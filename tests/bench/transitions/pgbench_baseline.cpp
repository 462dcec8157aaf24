#include "pgbench_baseline.h"

#include <Poco/File.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <cstdio>
#include <regex>
#include <vector>

namespace cqpm::bench {
namespace {

/// Runs pgbench with `args`; its whole output (stdout and stderr), and
/// whether it exited 0.
bool runPgbench(const std::vector<std::string>& args, std::string& output) {
  const std::string program = "/usr/bin/pgbench";
  if (!Poco::File(program).exists()) {
    output = program + " is not installed (Debian package postgresql-client)";
    return false;
  }
  Poco::Pipe out;
  Poco::ProcessHandle process = Poco::Process::launch(program, args, nullptr, &out, &out);
  Poco::PipeInputStream stream(out);
  Poco::StreamCopier::copyToString(stream, output);
  return process.wait() == 0;
}

}  // namespace

std::optional<double> pgbenchTransactionsPerSecond(const std::string& database_url, int clients,
                                                   int seconds) {
  std::string output;
  if (!runPgbench({"--initialize", "--scale=1", "--quiet", database_url}, output)) {
    std::fprintf(stderr, "pgbench baseline skipped: pgbench --initialize failed:\n%s\n", output.c_str());
    return std::nullopt;
  }
  std::string run;
  const bool ran = runPgbench({"--skip-some-updates", "--no-vacuum", "--client=" + std::to_string(clients),
                               "--jobs=2", "--time=" + std::to_string(seconds), database_url},
                              run);
  std::string dropped;
  runPgbench({"--initialize", "--init-steps=d", database_url}, dropped);  // its tables go, whatever happened
  std::smatch tps;
  if (!ran || !std::regex_search(run, tps, std::regex(R"(tps = ([0-9.]+))"))) {
    std::fprintf(stderr, "pgbench baseline skipped: pgbench -N failed:\n%s\n", run.c_str());
    return std::nullopt;
  }
  return std::stod(tps[1].str());
}

}  // namespace cqpm::bench
