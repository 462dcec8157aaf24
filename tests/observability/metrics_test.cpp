#include "observability/metrics.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

// Every answered request is counted by method, route and status, and timed by route. The series are
// looked up once and kept: the counts must still add up, and a client must not be able to add
// series of its own by sending made-up methods.

namespace cqpm::observability {
namespace {

TEST(MetricsTest, RequestsAddUpPerMethodRouteAndStatus) {
  Metrics metrics;
  for (int i = 0; i < 3; ++i) metrics.recordRequest("GET", "/api/v1/files/{id}", 200, 0.002);
  metrics.recordRequest("GET", "/api/v1/files/{id}", 404, 0.001);
  metrics.recordRequest("POST", "/api/v1/files/{id}/transitions", 200, 0.02);
  const std::string text = metrics.exposition();
  EXPECT_NE(text.find(R"(cqpm_http_requests_total{method="GET",route="/api/v1/files/{id}",status="200"} 3)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(cqpm_http_requests_total{method="GET",route="/api/v1/files/{id}",status="404"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(cqpm_http_request_duration_seconds_count{route="/api/v1/files/{id}"} 4)"),
            std::string::npos);
  EXPECT_NE(
      text.find(R"(cqpm_http_request_duration_seconds_count{route="/api/v1/files/{id}/transitions"} 1)"),
      std::string::npos);
}

TEST(MetricsTest, MadeUpMethodsAreCountedTogetherAsOther) {
  Metrics metrics;
  for (int i = 0; i < 50; ++i)
    metrics.recordRequest("X-METHOD-" + std::to_string(i), "not_found", 405, 0.001);
  const std::string text = metrics.exposition();
  EXPECT_EQ(text.find("X-METHOD-"), std::string::npos);
  EXPECT_NE(text.find(R"(cqpm_http_requests_total{method="other",route="not_found",status="405"} 50)"),
            std::string::npos)
      << text;
}

TEST(MetricsTest, ConcurrentRequestsLoseNoCount) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&metrics, t] {
      for (int i = 0; i < 500; ++i)
        metrics.recordRequest("GET", "/route/" + std::to_string(i % 5), 200 + t % 2, 0.001);
    });
  }
  for (auto& thread : threads) thread.join();
  const std::string text = metrics.exposition();
  for (int route = 0; route < 5; ++route) {
    for (int status : {200, 201}) {
      const std::string line = R"(cqpm_http_requests_total{method="GET",route="/route/)" +
                               std::to_string(route) + R"(",status=")" + std::to_string(status) + R"("} 200)";
      EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
    }
  }
}

}  // namespace
}  // namespace cqpm::observability
