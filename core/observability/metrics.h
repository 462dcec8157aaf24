#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace cqpm::observability {

/// The server's Prometheus metrics (prometheus-cpp), exposed at /metrics.
/// Thread-safe: prometheus-cpp synchronises families and metrics internally.
class Metrics {
 public:
  Metrics();

  /// One HTTP request answered. `route` is the route pattern ("/api/v1/files/{id}"),
  /// never the raw path, so the number of series stays bounded.
  void recordRequest(const std::string& method, const std::string& route, int status, double seconds);
  /// One transition committed.
  void recordTransition(const std::string& transition);
  /// One error answered, by error code name.
  void recordError(const std::string& code);
  /// Requests being served right now.
  void requestStarted();
  void requestFinished();

  /// One run of a scheduler task (reminders, notifications, e-mail, housekeeping).
  void recordSchedulerRun(const std::string& task, bool succeeded);

  /// What is read from the server's parts at each scrape.
  struct Readings {
    double open_streams = 0;
    double email_backlog = 0;   ///< e-mails due or being sent
    double email_retrying = 0;  ///< of which have failed at least once
    double db_read_busy = 0;
    double db_read_idle = 0;
    double db_writer_queue = 0;
  };
  /// Set once by the composition root, before the server serves.
  void setProbe(std::function<Readings()> probe) { probe_ = std::move(probe); }

  /// The Prometheus text exposition format (version 0.0.4), with the probe's
  /// readings and the process's own figures (memory, CPU, descriptors, start
  /// time, build) refreshed first.
  std::string exposition() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Family<prometheus::Counter>& transitions_;
  prometheus::Family<prometheus::Counter>& errors_;
  prometheus::Gauge& in_flight_;
  prometheus::Family<prometheus::Counter>& scheduler_runs_;
  prometheus::Family<prometheus::Gauge>& readings_;
  prometheus::Family<prometheus::Gauge>& process_;
  std::function<Readings()> probe_;
  double start_time_seconds_;

  /// A request's two series, found once per (method, route, status): building the label maps
  /// and looking them up in the families at every request was a twentieth of a cheap GET.
  struct RequestSeries {
    prometheus::Counter* count;
    prometheus::Histogram* latency;
  };
  RequestSeries requestSeries(const std::string& method, const std::string& route, int status);
  std::shared_mutex request_series_mutex_;
  std::unordered_map<std::string, RequestSeries> request_series_;  ///< by "method route status"
};

}  // namespace cqpm::observability
