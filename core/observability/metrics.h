#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

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

  /// The Prometheus text exposition format (version 0.0.4).
  std::string exposition() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Family<prometheus::Counter>& transitions_;
  prometheus::Family<prometheus::Counter>& errors_;
  prometheus::Gauge& in_flight_;
};

}  // namespace cqpm::observability
