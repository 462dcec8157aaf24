#include "observability/metrics.h"

#include <prometheus/text_serializer.h>

namespace cqpm::observability {

namespace {
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
                     .Add({})) {}

void Metrics::recordRequest(const std::string& method, const std::string& route, int status, double seconds) {
  requests_.Add({{"method", method}, {"route", route}, {"status", std::to_string(status)}}).Increment();
  latency_.Add({{"route", route}}, kLatencyBuckets).Observe(seconds);
}

void Metrics::recordTransition(const std::string& transition) {
  transitions_.Add({{"transition", transition}}).Increment();
}

void Metrics::recordError(const std::string& code) { errors_.Add({{"code", code}}).Increment(); }

void Metrics::requestStarted() { in_flight_.Increment(); }
void Metrics::requestFinished() { in_flight_.Decrement(); }

std::string Metrics::exposition() const {
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace cqpm::observability
