// Read benchmark of issue 14 (item 3, "cheap reads"): the real server binary
// (a child process, SQLite, demo data) against Debian's nginx serving a static
// file of the same size as the answer measured, in the same run. --clients
// (16) threads, each on one keep-alive connection, send requests back to back
// for --seconds (5) per phase, after a warm-up:
//   1. nginx: GET /file.json, the centre's file as JSON, from a folder (the baseline);
//   2. GET /healthz (no authentication, no database);
//   3. GET /api/v1/files/{id} as the demo centre's coordinator (Bearer token).
// Every answer must be 200: any other answer, or a connection lost, fails the
// run (exit 1). Targets, same run: files/{id} >= 0.25x and /healthz >= 0.6x
// nginx's requests per second.

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.h"
#include "common/error.h"
#include "keep_alive_connection.h"
#include "reads/static_nginx.h"
#include "support/server_process.h"

namespace {

using Clock = std::chrono::steady_clock;
using cqpm::Error;
using cqpm::ErrorCode;

constexpr double kTargetFilesRatio = 0.25;
constexpr double kTargetHealthzRatio = 0.6;
constexpr int kTargetClients = 16;
constexpr double kTargetSeconds = 5;
/// A bound on each client's loop, far above what a phase can reach.
constexpr long long kMaxRequestsPerClient = 100'000'000;
constexpr auto kAnswerTimeout = std::chrono::seconds(10);

struct Options {
  int clients = kTargetClients;
  double seconds = kTargetSeconds;
  int nginx_workers = 2;
  std::string binary = CQPM_SERVER_BINARY;
  bool quick = false;
};

Options parse(int argc, char** argv) {
  const cqpm::bench::BenchOptions args(
      argc, argv, "bench_reads",
      {{"--clients", "N", "client threads, one keep-alive connection each (16)"},
       {"--seconds", "S",
        "measured seconds per phase, decimals allowed (5); a warm-up of a fifth\n"
        "of it (at most 1 s) comes first"},
       {"--nginx-workers", "N",
        "nginx worker processes (2: as many as the machine's cores, like the\n"
        "server's threads)"},
       {"--binary", "PATH", "the server binary (the one built beside this program)"},
       {"--quick", "", "smoke run: --clients 2 --seconds 0.5 (given values win)"}});
  Options options;
  options.quick = args.flag("--quick");
  options.clients = args.integer("--clients", options.quick ? 2 : options.clients, 1, 1000);
  options.seconds = args.number("--seconds", options.quick ? 0.5 : options.seconds, 0.1, 3600);
  options.nginx_workers = args.integer("--nginx-workers", options.nginx_workers, 1, 64);
  options.binary = args.text("--binary", options.binary);
  return options;
}

/// One phase: the same request, sent by every client over its connection to `port`.
struct Phase {
  std::string name;
  int port = 0;
  std::string request;
};

/// What one client saw: the latency of each 200 sent in the measured window,
/// and its failures (other statuses, a lost connection).
struct ClientTally {
  std::vector<std::int64_t> latencies_ns;
  long long failures = 0;
  std::string first_failure;
};

struct PhaseResult {
  long long requests = 0;  // 200 answers to requests sent in the measured window
  long long failures = 0;
  std::string first_failure;
  double per_s = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

void runClient(const Phase& phase, Clock::time_point start, Clock::time_point measured_from,
               Clock::time_point until, ClientTally& tally) {
  const auto fail = [&tally](const std::string& why) {
    if (tally.failures++ == 0) tally.first_failure = why;
  };
  try {
    cqpm::bench::KeepAliveConnection connection(phase.port, kAnswerTimeout);
    tally.latencies_ns.reserve(1 << 16);
    std::this_thread::sleep_until(start);
    for (long long i = 0; i < kMaxRequestsPerClient; ++i) {
      const auto sent = Clock::now();
      if (sent >= until) break;
      const cqpm::bench::RawAnswer answer = connection.exchange(phase.request);
      const auto answered = Clock::now();
      if (answer.status != 200) {
        fail("HTTP " + std::to_string(answer.status) + ": " + std::string(answer.body.substr(0, 200)));
      } else if (sent >= measured_from) {
        tally.latencies_ns.push_back(
            std::chrono::duration_cast<std::chrono::nanoseconds>(answered - sent).count());
      }
      if (answer.closes) {
        fail("the server closed the keep-alive connection after " + std::to_string(i + 1) + " requests");
        return;
      }
    }
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

/// Runs `phase`; `midway`, when given, is called by this thread halfway through the measured time.
PhaseResult runPhase(const Phase& phase, const Options& options, const std::function<void()>& midway = {}) {
  const auto measured =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
  const auto warm_up = std::min<Clock::duration>(measured / 5, std::chrono::seconds(1));
  // Every client connects first, then all start together.
  const auto start = Clock::now() + std::chrono::milliseconds(100);
  const auto measured_from = start + warm_up;
  const auto until = measured_from + measured;
  std::vector<ClientTally> tallies(static_cast<std::size_t>(options.clients));
  std::vector<std::thread> clients;
  clients.reserve(tallies.size());
  for (auto& tally : tallies) {
    clients.emplace_back(runClient, std::cref(phase), start, measured_from, until, std::ref(tally));
  }
  if (midway) {
    std::this_thread::sleep_until(measured_from + measured / 2);
    midway();
  }
  for (auto& client : clients) client.join();

  PhaseResult result;
  std::vector<std::int64_t> all;
  for (const auto& tally : tallies) {
    all.insert(all.end(), tally.latencies_ns.begin(), tally.latencies_ns.end());
    if (tally.failures > 0 && result.failures == 0) result.first_failure = tally.first_failure;
    result.failures += tally.failures;
  }
  result.requests = static_cast<long long>(all.size());
  result.per_s = static_cast<double>(all.size()) / options.seconds;
  if (!all.empty()) {
    std::sort(all.begin(), all.end());
    const auto at = [&all](double p) {
      return static_cast<double>(all[std::min(
                 all.size() - 1, static_cast<std::size_t>(p * static_cast<double>(all.size())))]) /
             1e6;
    };
    result.p50_ms = at(0.50);
    result.p99_ms = at(0.99);
    result.max_ms = static_cast<double>(all.back()) / 1e6;
  }
  return result;
}

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

/// A folder removed when the benchmark ends, however it ends.
struct TemporaryFolder {
  std::string path = Poco::TemporaryFile::tempName(Poco::Path::temp()) + "-cqpm-bench-reads";
  TemporaryFolder() { Poco::File(path).createDirectories(); }
  ~TemporaryFolder() {
    try {
      Poco::File(path).remove(true);
    } catch (const Poco::Exception&) {
      // already gone
    }
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
};

/// The session token of the demo centre's coordinator, one of its files' id,
/// and that file's JSON as GET /api/v1/files/{id} answers it.
struct Reader {
  std::string token;
  std::string file_id;
  std::string file_json;
};

Reader logInAndPickAFile(int port) {
  using cqpm::bench::Answer;
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  const Answer login = cqpm::bench::sendJson(session, "POST", "/api/v1/auth/login", "",
                                             R"({"login":"centre","password":"demo"})");
  if (login.status != 200)
    throw Error(ErrorCode::kInternal, "login as centre: HTTP " + std::to_string(login.status));
  Reader reader;
  reader.token = cqpm::bench::field(login, "token");
  const Answer list = cqpm::bench::send(session, "GET", "/api/v1/files?limit=1", reader.token, "", {});
  const auto items =
      Poco::JSON::Parser().parse(list.body).extract<Poco::JSON::Object::Ptr>()->getArray("items");
  if (list.status != 200 || !items || items->size() == 0)
    throw Error(ErrorCode::kInternal, "the demo centre has no file: HTTP " + std::to_string(list.status));
  reader.file_id = items->getObject(0)->getValue<std::string>("id");
  const Answer file =
      cqpm::bench::send(session, "GET", "/api/v1/files/" + reader.file_id, reader.token, "", {});
  if (file.status != 200)
    throw Error(ErrorCode::kInternal, "GET the file: HTTP " + std::to_string(file.status) + " " + file.body);
  reader.file_json = file.body;
  return reader;
}

void printPhase(const char* label, const PhaseResult& result) {
  std::printf("%-28s requests=%lld per_s=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.1f failures=%lld\n", label,
              result.requests, result.per_s, result.p50_ms, result.p99_ms, result.max_ms, result.failures);
  if (result.failures > 0) std::printf("  first failure: %s\n", result.first_failure.c_str());
}

/// The targets are stated for 16 clients and 5 s phases (or more).
bool targetsApply(const Options& options) {
  return options.clients >= kTargetClients && options.seconds >= kTargetSeconds;
}

void report(const Options& options, const char* name, double value, const char* unit, double baseline,
            bool inverse, std::optional<double> ratio_target) {
  using cqpm::bench::Baseline;
  using cqpm::bench::Target;
  std::optional<Target> target;
  if (ratio_target) {
    target = Target{.on = Target::On::kRatio,
                    .at_least = true,
                    .threshold = *ratio_target,
                    .applies = targetsApply(options),
                    .conditions = "16 clients, 5 s"};
  }
  cqpm::bench::reportResult(
      {.bench = "bench_reads",
       .name = name,
       .value = value,
       .unit = unit,
       .baseline = Baseline{.name = "nginx static file", .value = baseline, .inverse = inverse},
       .target = target});
}

int run(const Options& options) {
  cqpm::bench::raiseDescriptorLimit();
  const TemporaryFolder data;
  const int port = cqpm::testing::freePort();
  cqpm::testing::ServerProcess server(
      options.binary,
      {"serve", "--data", data.path, "--port", std::to_string(port), "--bind", "127.0.0.1", "--demo"},
      Poco::Path(data.path).append("server.log").toString());
  server.start();
  if (const auto why = server.waitUntilReady(port, std::chrono::seconds(60)); !why.empty())
    throw Error(ErrorCode::kInternal, why + "\n" + server.logTail());
  const Reader reader = logInAndPickAFile(port);

  // The baseline serves the very bytes the API answers, so both send as much.
  cqpm::bench::StaticNginx nginx("file.json", reader.file_json, options.nginx_workers);
  nginx.waitUntilServing(std::chrono::seconds(10));

  const std::string head_end = "Host: 127.0.0.1\r\n\r\n";
  const std::vector<Phase> phases = {
      {"nginx_static", nginx.port(), "GET /file.json HTTP/1.1\r\n" + head_end},
      {"healthz", port, "GET /healthz HTTP/1.1\r\n" + head_end},
      {"files_id", port,
       "GET /api/v1/files/" + reader.file_id + " HTTP/1.1\r\nAuthorization: Bearer " + reader.token + "\r\n" +
           head_end}};
  std::printf(
      "bench_reads: %d clients, one keep-alive connection each, %.1f s per phase after a warm-up; server "
      "pid %d on port %d (SQLite, demo data, every request logged), nginx pid %d on port %d (%d workers); "
      "file %s, %zu bytes of JSON; load average before: %s\n",
      options.clients, options.seconds, server.pid(), port, nginx.pid(), nginx.port(), options.nginx_workers,
      reader.file_id.c_str(), reader.file_json.size(), loadAverage().c_str());
  std::fflush(stdout);
  std::vector<PhaseResult> results;
  std::string spread;  // nginx's connections per worker, "7/9"
  for (const auto& phase : phases) {
    // The marker line lets a profiler attach to the server for one phase.
    std::printf("== phase %s\n", phase.name.c_str());
    std::fflush(stdout);
    if (&phase != &phases.front()) {
      results.push_back(runPhase(phase, options));
      continue;
    }
    // nginx: how its workers shared the connections (the kernel spreads them at random).
    // Counted idle once the readiness probe's connection is surely closed on nginx's side.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const std::vector<int> idle = nginx.socketsPerWorker();
    results.push_back(runPhase(phase, options, [&] {
      const std::vector<int> busy = nginx.socketsPerWorker();
      for (std::size_t i = 0; i < busy.size() && i < idle.size(); ++i)
        spread += (spread.empty() ? "" : "/") + std::to_string(busy[i] - idle[i]);
    }));
  }
  const PhaseResult& base = results[0];
  const PhaseResult& health = results[1];
  const PhaseResult& files = results[2];
  printPhase("nginx GET /file.json", base);
  std::printf("  nginx's connections per worker: %s\n", spread.c_str());
  printPhase("GET /healthz", health);
  printPhase("GET /api/v1/files/{id}", files);
  const auto ratio = [&base](double value) { return base.per_s > 0 ? value / base.per_s : 0; };
  std::printf("load average after: %s\n", loadAverage().c_str());
  std::printf(
      "RESULT clients=%d seconds=%.1f nginx_per_s=%.0f healthz_per_s=%.0f files_per_s=%.0f "
      "healthz_ratio=%.3f files_ratio=%.3f nginx_p99_ms=%.3f healthz_p99_ms=%.3f files_p99_ms=%.3f "
      "failures=%lld\n",
      options.clients, options.seconds, base.per_s, health.per_s, files.per_s, ratio(health.per_s),
      ratio(files.per_s), base.p99_ms, health.p99_ms, files.p99_ms,
      base.failures + health.failures + files.failures);
  const auto verdict = [&](double value, double target) {
    if (!targetsApply(options)) return "(no verdict: stated for 16 clients, 5 s)";
    return ratio(value) >= target ? "met" : "missed";
  };
  std::printf("Targets (same run): files/{id} >= %.2fx nginx %s, /healthz >= %.2fx nginx %s\n",
              kTargetFilesRatio, verdict(files.per_s, kTargetFilesRatio), kTargetHealthzRatio,
              verdict(health.per_s, kTargetHealthzRatio));
  report(options, "files_per_s", files.per_s, "/s", base.per_s, false, kTargetFilesRatio);
  report(options, "healthz_per_s", health.per_s, "/s", base.per_s, false, kTargetHealthzRatio);
  report(options, "files_p99_ms", files.p99_ms, "ms", base.p99_ms, true, std::nullopt);
  report(options, "healthz_p99_ms", health.p99_ms, "ms", base.p99_ms, true, std::nullopt);
  server.terminate();
  // Every answer must be a 200 on a connection kept alive: anything else is a
  // failure of the program, whatever the figures.
  const long long failures = base.failures + health.failures + files.failures;
  if (failures > 0 || base.requests == 0 || health.requests == 0 || files.requests == 0) {
    std::fprintf(stderr, "bench_reads: %lld failed request(s) or an empty phase\n", failures);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return cqpm::bench::runBenchmark("bench_reads", [&] { return run(parse(argc, argv)); });
}
