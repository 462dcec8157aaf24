// Every answer carries the security headers, HSTS only for an https
// deployment; source maps are never served.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "app/server.h"
#include "support/instance.h"
#include "support/raw_http.h"

namespace cqpm::testing {
namespace {

using std::chrono::milliseconds;

class SecurityHeadersTest : public ::testing::Test {
 protected:
  void start(const std::string& public_url) {
    dir_ = makeTempDir("cqpm-headers");
    const auto web = std::filesystem::path(dir_) / "web";
    std::filesystem::create_directories(web / "assets");
    std::ofstream(web / "index.html") << "<!doctype html><title>CQPM</title>";
    std::ofstream(web / "assets" / "app.js") << "console.log(1);\n//# sourceMappingURL=app.js.map";
    std::ofstream(web / "assets" / "app.js.map") << R"({"version":3,"sources":["secret.ts"]})";
    app::ServerConfig config = serverConfigIn(dir_);
    config.http.web_root = web.string();
    config.http.public_base_url = public_url;
    server_ = std::make_unique<app::Server>(config);
    server_->start();
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string get(const std::string& head) {
    auto socket = connectFrom(server_->port());
    sendText(socket, head);
    return readUntilClosed(socket, milliseconds(5000));
  }

  std::string dir_;
  std::unique_ptr<app::Server> server_;
};

TEST_F(SecurityHeadersTest, AnHttpsDeploymentSendsHstsOnEveryAnswer) {
  start("https://cqpm.example.fr");
  for (const std::string& head :
       {std::string("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        std::string("GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n"}) {
    const std::string answer = get(head);
    EXPECT_NE(answer.find("Strict-Transport-Security: max-age=31536000"), std::string::npos) << answer;
    EXPECT_NE(answer.find("X-Content-Type-Options: nosniff"), std::string::npos) << answer;
  }
}

TEST_F(SecurityHeadersTest, APlainHttpDeploymentSendsNoHsts) {
  start("http://localhost:8080");
  const std::string answer = get("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
  EXPECT_EQ(answer.find("Strict-Transport-Security"), std::string::npos) << answer;
}

TEST_F(SecurityHeadersTest, SourceMapsAreNeverServed) {
  start("http://localhost:8080");
  EXPECT_TRUE(
      get("GET /assets/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").starts_with("HTTP/1.1 200"));
  const std::string answer = get("GET /assets/app.js.map HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 404")) << answer;
  EXPECT_EQ(answer.find("secret.ts"), std::string::npos) << answer;
}

}  // namespace
}  // namespace cqpm::testing
