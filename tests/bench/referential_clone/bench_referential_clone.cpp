// Referential clone benchmark (issue 14, item 6): stock `git clone` of the
// referential repository over HTTP (git's dumb protocol, HTTP Basic with a GTP
// auditor's password, Argon2 at the production cost) from the real server
// binary on loopback, once --versions (100) versions of `qualite` are
// published through the API (proposed by the employers' college, approved by
// the employees', published: what a GTP does). Baseline in the same run:
// `git clone` of the same repository from its folder (file://), which is what
// git needs without HTTP nor authentication. Figures: the clone's wall time
// (first, cold credential cache, and median of --runs), the HTTP requests one
// clone makes (counted in the server's log) and the publish latency. The
// repository is not packed (each instance's packs would differ, and a clone
// through a load balancer reads objects/info/packs from one instance and the
// pack from another), so the dumb protocol fetches loose objects one by one.
// Target: a clone of 100 versions under 1 s.
//
// Exit status: 0 when every step ran and every clone is complete (with
// --enforce-targets, also the target met); 1 otherwise.

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "common/error.h"
#include "common/json_text.h"
#include "support/server_process.h"

namespace {

using SteadyClock = std::chrono::steady_clock;
using cqpm::Error;
using cqpm::ErrorCode;
using cqpm::bench::Answer;
using cqpm::bench::sendJson;
using Poco::JSON::Object;

constexpr double kTargetCloneMs = 1000.0;

struct Options {
  int versions = 100;
  int runs = 5;
  std::string binary;
  std::string data_dir;
  bool keep = false;
  bool enforce_targets = false;
};

Options parse(int argc, char** argv) {
  const cqpm::bench::BenchOptions args(
      argc, argv, "bench_referential_clone",
      {{"--versions", "N", "versions of qualite published before the clones (100)"},
       {"--runs", "N", "clones of each kind (5)"},
       {"--binary", "PATH", "the server binary (CQPM_BIN, else the one built with this program)"},
       {"--data", "DIR", "the data folder (a new temporary folder, removed at the end)"},
       {"--keep", "", "keep the data folder"},
       {"--quick", "", "smoke run: --versions 3 --runs 2 (given values win)"},
       {"--enforce-targets", "", "exit 1 unless the first and the median HTTP clone take < 1 s"}});
  const bool quick = args.flag("--quick");
  Options options;
  options.versions = args.integer("--versions", quick ? 3 : 100);
  options.runs = args.integer("--runs", quick ? 2 : 5);
  options.binary = args.text("--binary", Poco::Environment::get("CQPM_BIN", ""));
  options.data_dir = args.text("--data");
  options.keep = args.flag("--keep");
  options.enforce_targets = args.flag("--enforce-targets");
  // The server built with this program (CMake compiles its path in).
  if (options.binary.empty()) options.binary = CQPM_SERVER_BINARY;
  return options;
}

Object::Ptr expect(const Answer& answer, int status, const std::string& what) {
  if (answer.status != status) {
    throw Error(ErrorCode::kInternal, what + ": HTTP " + std::to_string(answer.status) + " " + answer.body);
  }
  return Poco::JSON::Parser().parse(answer.body).extract<Object::Ptr>();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  if (values.empty()) return 0;
  return values[std::min(values.size() - 1,
                         static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1))))];
}

/// Runs `command` (its output to `log`), throwing when it fails; returns its wall time in ms.
double timedCommand(const std::string& command, const std::string& log) {
  const auto started = SteadyClock::now();
  const int status = std::system((command + " >>" + log + " 2>&1").c_str());
  const double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count();
  if (status != 0)
    throw Error(ErrorCode::kInternal, "failed (" + std::to_string(status) + "): " + command + ", see " + log);
  return ms;
}

/// Lines of the server's log that name the referential repository: one per request it served.
std::size_t gitRequestsLogged(const std::string& log) {
  std::ifstream in(log);
  std::size_t count = 0;
  for (std::string line; std::getline(in, line);)
    if (line.find("/git/referentials.git/") != std::string::npos) ++count;
  return count;
}

/// Publishes `count` versions of qualite, each a note more; returns each publish's latency in ms.
std::vector<double> publishVersions(Poco::Net::HTTPClientSession& session, int count) {
  const std::string employer = expect(sendJson(session, "POST", "/api/v1/auth/login", "",
                                               R"({"login":"gtp-employeur","password":"demo"})"),
                                      200, "login gtp-employeur")
                                   ->getValue<std::string>("token");
  const std::string employee = expect(sendJson(session, "POST", "/api/v1/auth/login", "",
                                               R"({"login":"gtp-salarie","password":"demo"})"),
                                      200, "login gtp-salarie")
                                   ->getValue<std::string>("token");
  std::vector<double> publish_ms;
  for (int version = 0; version < count; ++version) {
    auto referential =
        expect(sendJson(session, "GET", "/api/v1/cqpms/qualite", employer, ""), 200, "read qualite")
            ->getObject("referential");
    Object::Ptr note = new Object;  // a "section": a title and its paragraphs
    note->set("title", "Révision " + std::to_string(version + 2));
    Poco::JSON::Array::Ptr text = new Poco::JSON::Array;
    text->add("Révision du banc d'essai des clones.");
    note->set("text", text);
    referential->getArray("notes")->add(note);
    Object::Ptr body = new Object;
    body->set("referential", referential);
    body->set("reason", "Banc d'essai : révision " + std::to_string(version + 2) + ".");
    const std::string id =
        expect(sendJson(session, "POST", "/api/v1/cqpms/qualite/proposals", employer, cqpm::toJsonText(body)),
               201, "propose")
            ->getValue<std::string>("id");
    expect(sendJson(session, "POST", "/api/v1/proposals/" + id + "/approve", employee, ""), 200, "approve");
    const auto started = SteadyClock::now();
    expect(sendJson(session, "POST", "/api/v1/proposals/" + id + "/publish", employee, ""), 200, "publish");
    publish_ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count());
  }
  return publish_ms;
}

int run(const Options& options) {
  const std::string data_dir = options.data_dir.empty()
                                   ? Poco::TemporaryFile::tempName(Poco::Path::temp()) + "-cqpm-bench-clone"
                                   : options.data_dir;
  Poco::File(data_dir).createDirectories();
  const std::string clones = Poco::Path(data_dir).append("clones").toString();
  Poco::File(clones).createDirectories();
  const std::string server_log = Poco::Path(data_dir).append("server.log").toString();
  const std::string git_log = Poco::Path(data_dir).append("git.log").toString();
  const int port = cqpm::testing::freePort();
  cqpm::testing::ServerProcess server(
      options.binary,
      {"serve", "--data", data_dir, "--port", std::to_string(port), "--bind", "127.0.0.1", "--demo"},
      server_log);
  server.start();
  if (const auto why = server.waitUntilReady(port, std::chrono::seconds(60)); !why.empty()) {
    throw Error(ErrorCode::kInternal, why + "\n" + server.logTail());
  }
  std::printf("server: %s pid %d, data %s\n", options.binary.c_str(), server.pid(), data_dir.c_str());

  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(60, 0));
  const std::vector<double> publish_ms = publishVersions(session, options.versions);
  const std::string last_tag = "qualite/v" + std::to_string(options.versions + 1);

  const std::string url =
      "http://gtp-salarie:demo@127.0.0.1:" + std::to_string(port) + "/git/referentials.git";
  const std::string repository = Poco::Path(data_dir).append("referentials.git").toString();
  std::vector<double> http_ms, file_ms;
  std::size_t requests = 0;
  for (int run = 0; run < options.runs; ++run) {
    const std::string into = clones + "/http-" + std::to_string(run);
    const std::size_t before = gitRequestsLogged(server_log);
    http_ms.push_back(timedCommand("GIT_TERMINAL_PROMPT=0 git clone -q " + url + " " + into, git_log));
    requests = gitRequestsLogged(server_log) - before;
    timedCommand("git -C " + into + " rev-parse --verify -q refs/tags/" + last_tag, git_log);
    // The baseline: the same repository straight from its folder (no local hard links: a real copy).
    file_ms.push_back(timedCommand(
        "git clone -q --no-local file://" + repository + " " + clones + "/file-" + std::to_string(run),
        git_log));
  }
  timedCommand("git -C " + clones + "/http-0 fsck --strict", git_log);
  server.terminate();

  const double http_median = median(http_ms);
  const double file_median = median(file_ms);
  std::printf("publish  versions=%d p50_ms=%.1f p95_ms=%.1f\n", options.versions, percentile(publish_ms, 0.5),
              percentile(publish_ms, 0.95));
  std::printf(
      "clone    over HTTP (dumb protocol, Basic): first_ms=%.1f median_ms=%.1f max_ms=%.1f requests=%zu\n",
      http_ms.front(), http_median, *std::max_element(http_ms.begin(), http_ms.end()), requests);
  std::printf("baseline git clone --no-local file://: median_ms=%.1f\n", file_median);
  std::printf(
      "RESULT versions=%d clone_http_median_ms=%.1f clone_http_first_ms=%.1f baseline_file_median_ms=%.1f "
      "ratio_http_over_file=%.2f requests=%zu\n",
      options.versions, http_median, http_ms.front(), file_median,
      file_median > 0 ? http_median / file_median : 0, requests);
  const bool met = http_median < kTargetCloneMs && http_ms.front() < kTargetCloneMs;
  const cqpm::bench::Target target{.on = cqpm::bench::Target::On::kValue,
                                   .at_least = false,
                                   .threshold = kTargetCloneMs,
                                   .applies = options.versions >= 100,
                                   .conditions = "100 versions"};
  const cqpm::bench::Baseline baseline{.name = "file:// clone", .value = file_median, .inverse = true};
  cqpm::bench::reportResult({.bench = "bench_referential_clone",
                             .name = "clone_http_median_ms",
                             .value = http_median,
                             .unit = "ms",
                             .baseline = baseline,
                             .target = target});
  cqpm::bench::reportResult({.bench = "bench_referential_clone",
                             .name = "clone_http_first_ms",
                             .value = http_ms.front(),
                             .unit = "ms",
                             .baseline = baseline,
                             .target = target});
  std::printf("Target (100 versions): clone < %.0f ms %s%s\n", kTargetCloneMs, met ? "met" : "MISSED",
              options.versions >= 100 ? "" : " (this run published fewer than 100 versions)");
  if (options.data_dir.empty() && !options.keep) Poco::File(data_dir).remove(true);
  return options.enforce_targets && !met ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  return cqpm::bench::runBenchmark("bench_referential_clone", [&] { return run(parse(argc, argv)); });
}
