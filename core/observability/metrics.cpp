#include "observability/metrics.h"

#include <prometheus/text_serializer.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace cqpm::observability {

namespace {

struct ProcessFigures {
  double resident_bytes = 0;
  double cpu_seconds = 0;
  double open_fds = 0;
};

/// This process's figures, from /proc and getrusage (Linux).
ProcessFigures readProcessFigures() {
  ProcessFigures figures;
  long pages_total = 0, pages_resident = 0;
  if (std::ifstream statm("/proc/self/statm"); statm >> pages_total >> pages_resident) {
    figures.resident_bytes =
        static_cast<double>(pages_resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
  }
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) == 0) {
    figures.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  }
  std::error_code error;
  for (std::filesystem::directory_iterator it("/proc/self/fd", error), end; !error && it != end;
       it.increment(error))
    figures.open_fds += 1;
  return figures;
}

// Request latency buckets, in seconds: dense under 25 ms, where the targets are.
const prometheus::Histogram::BucketBoundaries kLatencyBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                              0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
}  // namespace

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("cqpm_http_requests_total")
                    .Help("HTTP requests answered, by method, route and status")
                    .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("cqpm_http_request_duration_seconds")
                   .Help("Time to answer an HTTP request, by route")
                   .Register(*registry_)),
      transitions_(prometheus::BuildCounter()
                       .Name("cqpm_transitions_total")
                       .Help("Workflow transitions committed, by transition")
                       .Register(*registry_)),
      errors_(prometheus::BuildCounter()
                  .Name("cqpm_errors_total")
                  .Help("Errors answered, by error code")
                  .Register(*registry_)),
      in_flight_(prometheus::BuildGauge()
                     .Name("cqpm_http_requests_in_flight")
                     .Help("HTTP requests being served")
                     .Register(*registry_)
                     .Add({})),
      scheduler_runs_(prometheus::BuildCounter()
                          .Name("cqpm_scheduler_runs_total")
                          .Help("Scheduler task runs, by task and outcome")
                          .Register(*registry_)),
      readings_(prometheus::BuildGauge()
                    .Name("cqpm_state")
                    .Help("Live figures of the server: open streams, e-mail backlog and retries, database "
                          "read sessions busy and idle, writes queued for the writer")
                    .Register(*registry_)),
      process_(prometheus::BuildGauge()
                   .Name("cqpm_process")
                   .Help("The process: resident memory (bytes), CPU time (seconds), open file descriptors, "
                         "start time (seconds since the epoch), build (value 1, version label)")
                   .Register(*registry_)),
      // Wall time by nature (scrapers compare it with their own), not the server's clock.
      start_time_seconds_(static_cast<double>(std::time(nullptr))) {
  process_.Add({{"figure", "build_info"}, {"version", CQPM_VERSION}}).Set(1);
}

void Metrics::recordSchedulerRun(const std::string& task, bool succeeded) {
  scheduler_runs_.Add({{"task", task}, {"outcome", succeeded ? "ok" : "failed"}}).Increment();
}

Metrics::RequestSeries Metrics::requestSeries(const std::string& given_method, const std::string& route,
                                              int status) {
  // A client chooses the method it sends: any other than HTTP's own is counted as "other", so that
  // nobody can grow the series (and this map) without bound.
  static constexpr std::array<std::string_view, 7> kMethods{"GET",   "HEAD",   "POST",   "PUT",
                                                            "PATCH", "DELETE", "OPTIONS"};
  const std::string method = std::find(kMethods.begin(), kMethods.end(), given_method) != kMethods.end()
                                 ? given_method
                                 : std::string("other");
  std::string key;
  key.reserve(method.size() + route.size() + 5);
  key.append(method).append(" ").append(route).append(" ").append(std::to_string(status));
  {
    const std::shared_lock lock(request_series_mutex_);
    if (const auto found = request_series_.find(key); found != request_series_.end()) return found->second;
  }
  const std::unique_lock lock(request_series_mutex_);
  // Families keep their series for the registry's life, so the pointers stay valid.
  const RequestSeries series{
      &requests_.Add({{"method", method}, {"route", route}, {"status", std::to_string(status)}}),
      &latency_.Add({{"route", route}}, kLatencyBuckets)};
  request_series_.emplace(std::move(key), series);
  return series;
}

void Metrics::recordRequest(const std::string& method, const std::string& route, int status, double seconds) {
  const RequestSeries series = requestSeries(method, route, status);
  series.count->Increment();
  series.latency->Observe(seconds);
}

void Metrics::recordTransition(const std::string& transition) {
  transitions_.Add({{"transition", transition}}).Increment();
}

void Metrics::recordError(const std::string& code) { errors_.Add({{"code", code}}).Increment(); }

void Metrics::requestStarted() { in_flight_.Increment(); }
void Metrics::requestFinished() { in_flight_.Decrement(); }

std::string Metrics::exposition() const {
  if (probe_) {
    const Readings now = probe_();
    readings_.Add({{"figure", "open_streams"}}).Set(now.open_streams);
    readings_.Add({{"figure", "email_backlog"}}).Set(now.email_backlog);
    readings_.Add({{"figure", "email_retrying"}}).Set(now.email_retrying);
    readings_.Add({{"figure", "db_read_sessions_busy"}}).Set(now.db_read_busy);
    readings_.Add({{"figure", "db_read_sessions_idle"}}).Set(now.db_read_idle);
    readings_.Add({{"figure", "db_writer_queue"}}).Set(now.db_writer_queue);
  }
  const ProcessFigures process = readProcessFigures();
  process_.Add({{"figure", "resident_memory_bytes"}}).Set(process.resident_bytes);
  process_.Add({{"figure", "cpu_seconds"}}).Set(process.cpu_seconds);
  process_.Add({{"figure", "open_fds"}}).Set(process.open_fds);
  process_.Add({{"figure", "start_time_seconds"}}).Set(start_time_seconds_);
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace cqpm::observability
