// The built front end served with its pre-compressed variants (written by
// web/scripts/compress-dist.mjs at build time) by content negotiation, cached
// for good when fingerprinted, never with a source map.

#include "http/static_files.h"

#include <Poco/InflatingStream.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/server.h"
#include "http/accept_encoding.h"
#include "support/instance.h"
#include "support/raw_http.h"

namespace cqpm::testing {
namespace {

namespace fs = std::filesystem;

std::string gunzip(const std::string& compressed) {
  std::istringstream in(compressed);
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::ostringstream out;
  out << inflater.rdbuf();
  return out.str();
}

std::string headerOf(const http::Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return {};
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* kScript = "assets/index-B4xq9Zk1.js";

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = makeTempDir("cqpm-static");
    web_ = fs::path(dir_) / "web";
    fs::create_directories(web_ / "assets");
    std::string page = "<!doctype html><html lang=\"fr\"><title>CQPM Hub</title>";
    for (int i = 0; i < 60; ++i)
      page += "<link rel=\"modulepreload\" href=\"/assets/chunk-" + std::to_string(i) + ".js\">\n";
    std::ofstream(web_ / "index.html") << page;
    for (int i = 0; i < 400; ++i)
      script_ += "export const label" + std::to_string(i) + " = 'Dossier candidat';\n";
    script_ += "//# sourceMappingURL=index-B4xq9Zk1.js.map\n";
    std::ofstream(web_ / kScript, std::ios::binary) << script_;
    std::ofstream(web_ / "assets" / "index-B4xq9Zk1.js.map") << R"({"version":3,"sources":["secret.ts"]})";
    std::ofstream(web_ / "robots.txt") << "User-agent: *\n";
    // The real build step, on this folder.
    const std::string script = std::string(CQPM_SOURCE_ROOT) + "/web/scripts/compress-dist.mjs";
    ASSERT_EQ(std::system(("node " + script + " " + web_.string() + " >/dev/null").c_str()), 0)
        << "node is needed (deploy/install-dependencies.sh installs it)";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::optional<http::Response> get(const std::string& path, const std::string& accept_encoding = {},
                                    const std::string& if_none_match = {}) const {
    http::Request request;
    request.method = "GET";
    request.path = path;
    if (!accept_encoding.empty()) request.headers["accept-encoding"] = accept_encoding;
    if (!if_none_match.empty()) request.headers["if-none-match"] = if_none_match;
    return http::StaticFiles(web_.string()).serve(request);
  }

  std::string dir_;
  fs::path web_;
  std::string script_;
};

TEST_F(StaticFilesTest, TheBuildWritesGzipAndBrotliBesideLargeTextFilesOnly) {
  EXPECT_TRUE(fs::exists(web_ / (std::string(kScript) + ".gz")));
  EXPECT_TRUE(fs::exists(web_ / (std::string(kScript) + ".br")));
  EXPECT_TRUE(fs::exists(web_ / "index.html.gz"));
  EXPECT_FALSE(fs::exists(web_ / "robots.txt.gz"));  // under 1 KiB
  EXPECT_EQ(gunzip(slurp(web_ / (std::string(kScript) + ".gz"))), script_);
}

TEST_F(StaticFilesTest, GzipIsAnsweredOnlyWhenAcceptedAndDecompressesToTheFile) {
  const auto plain = get("/" + std::string(kScript));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, script_);
  EXPECT_EQ(headerOf(*plain, "Content-Encoding"), "");
  EXPECT_EQ(plain->content_type, "text/javascript; charset=utf-8");

  const auto gzipped = get("/" + std::string(kScript), "gzip, deflate");
  ASSERT_TRUE(gzipped);
  EXPECT_EQ(headerOf(*gzipped, "Content-Encoding"), "gzip");
  EXPECT_EQ(gzipped->content_type, "text/javascript; charset=utf-8");
  EXPECT_LT(gzipped->body.size(), script_.size() / 4);
  EXPECT_EQ(gunzip(gzipped->body), script_);
}

TEST_F(StaticFilesTest, TheVariantFollowsTheQValues) {
  const std::string path = "/" + std::string(kScript);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"gzip;q=0", ""},
      {"gzip; q=0.000, deflate", ""},
      {"*;q=0", ""},
      {"identity", ""},
      {"gzip;q=1.5", ""},  // malformed q-value: refused, not guessed
      {"GZIP;Q=1", "gzip"},
      {"x-gzip", "gzip"},
      {"gzip, br", "br"},  // a tie goes to the smaller
      {"br;q=0.5, gzip", "gzip"},
      {"br;q=0, *", "gzip"},
      {"*", "br"},
      {" br ; q=0.9 , gzip ; q=0.8", "br"},
  };
  for (const auto& [accept, expected] : cases) {
    const auto answer = get(path, accept);
    ASSERT_TRUE(answer) << accept;
    EXPECT_EQ(headerOf(*answer, "Content-Encoding"), expected) << accept;
    if (expected.empty()) EXPECT_EQ(answer->body, script_) << accept;
  }
}

TEST_F(StaticFilesTest, EveryEncodingHasItsOwnETagAndRevalidates) {
  const std::string path = "/" + std::string(kScript);
  const auto plain = get(path);
  const auto gzipped = get(path, "gzip");
  const auto brotli = get(path, "br");
  ASSERT_TRUE(plain && gzipped && brotli);
  const std::string plain_tag = headerOf(*plain, "ETag");
  const std::string gzip_tag = headerOf(*gzipped, "ETag");
  ASSERT_FALSE(plain_tag.empty());
  EXPECT_NE(plain_tag, gzip_tag);
  EXPECT_NE(gzip_tag, headerOf(*brotli, "ETag"));
  for (const auto* answer : {&*plain, &*gzipped, &*brotli})
    EXPECT_EQ(headerOf(*answer, "Vary"), "Accept-Encoding");

  const auto revalidated = get(path, "gzip", "\"nope\", W/" + gzip_tag);
  ASSERT_TRUE(revalidated);
  EXPECT_EQ(revalidated->status, 304);
  EXPECT_TRUE(revalidated->body.empty());
  EXPECT_EQ(headerOf(*revalidated, "ETag"), gzip_tag);
  EXPECT_EQ(headerOf(*revalidated, "Vary"), "Accept-Encoding");
  // The identity tag does not validate the gzip body.
  const auto other = get(path, "gzip", plain_tag);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_EQ(headerOf(*other, "Content-Encoding"), "gzip");
}

TEST_F(StaticFilesTest, AVariantOlderThanItsFileIsNeverServed) {
  const fs::path gz = web_ / (std::string(kScript) + ".gz");
  const fs::path br = web_ / (std::string(kScript) + ".br");
  const auto file_time = fs::last_write_time(web_ / kScript);
  fs::last_write_time(gz, file_time - std::chrono::hours(1));
  fs::last_write_time(br, file_time - std::chrono::hours(1));
  const auto answer = get("/" + std::string(kScript), "gzip, br");
  ASSERT_TRUE(answer);
  EXPECT_EQ(headerOf(*answer, "Content-Encoding"), "");
  EXPECT_EQ(answer->body, script_);
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndThePageIsRevalidated) {
  EXPECT_EQ(headerOf(*get("/" + std::string(kScript), "gzip"), "Cache-Control"),
            "public, max-age=31536000, immutable");
  for (const std::string path : {"/", "/index.html", "/files/42", "/assets/missing.js"}) {
    const auto page = get(path, "gzip");
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(headerOf(*page, "Cache-Control"), "no-cache") << path;
    EXPECT_EQ(page->content_type, "text/html; charset=utf-8") << path;
  }
  const auto small = get("/robots.txt", "gzip");
  EXPECT_EQ(headerOf(*small, "Content-Encoding"), "");  // nothing worth compressing
  EXPECT_EQ(headerOf(*small, "Vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, NoSourceMapIsServed) {
  EXPECT_FALSE(get("/assets/index-B4xq9Zk1.js.map"));
  EXPECT_FALSE(get("/assets/index-B4xq9Zk1.js.map", "gzip"));
}

TEST_F(StaticFilesTest, TheServerSendsTheVariantsLengthAndNoBodyOnHeadOr304) {
  app::ServerConfig config = serverConfigIn(dir_);
  config.http.web_root = web_.string();
  app::Server server(config);
  server.start();
  auto ask = [&](const std::string& head) {
    auto socket = connectFrom(server.port());
    sendText(socket, head + "Host: x\r\nConnection: close\r\n\r\n");
    return readUntilClosed(socket, std::chrono::milliseconds(5000));
  };
  const std::string gz = slurp(web_ / (std::string(kScript) + ".gz"));
  const std::string get_answer =
      ask("GET /" + std::string(kScript) + " HTTP/1.1\r\nAccept-Encoding: gzip\r\n");
  EXPECT_NE(get_answer.find("Content-Length: " + std::to_string(gz.size()) + "\r\n"), std::string::npos);
  EXPECT_NE(get_answer.find("Content-Encoding: gzip\r\n"), std::string::npos);
  EXPECT_NE(get_answer.find("Vary: Accept-Encoding\r\n"), std::string::npos);
  EXPECT_TRUE(get_answer.ends_with("\r\n\r\n" + gz));

  const std::string head_answer =
      ask("HEAD /" + std::string(kScript) + " HTTP/1.1\r\nAccept-Encoding: gzip\r\n");
  EXPECT_TRUE(head_answer.starts_with("HTTP/1.1 200")) << head_answer;
  EXPECT_NE(head_answer.find("Content-Length: " + std::to_string(gz.size()) + "\r\n"), std::string::npos);
  EXPECT_TRUE(head_answer.ends_with("\r\n\r\n")) << head_answer;

  const auto etag_at = get_answer.find("ETag: ");
  ASSERT_NE(etag_at, std::string::npos);
  const std::string etag = get_answer.substr(etag_at + 6, get_answer.find("\r\n", etag_at) - etag_at - 6);
  const std::string not_modified =
      ask("GET /" + std::string(kScript) + " HTTP/1.1\r\nAccept-Encoding: gzip\r\nIf-None-Match: " + etag +
          "\r\n");
  EXPECT_TRUE(not_modified.starts_with("HTTP/1.1 304")) << not_modified;
  EXPECT_TRUE(not_modified.ends_with("\r\n\r\n")) << not_modified;
}

TEST(AcceptEncodingTest, ReadsQValuesAsRfc9110Says) {
  EXPECT_EQ(http::acceptedQuality("", "gzip"), 0.0);
  EXPECT_EQ(http::acceptedQuality("gzip", "gzip"), 1.0);
  EXPECT_EQ(http::acceptedQuality("gzip;q=0.5", "gzip"), 0.5);
  EXPECT_EQ(http::acceptedQuality("br, *;q=0.25", "gzip"), 0.25);
  EXPECT_EQ(http::acceptedQuality("*;q=0.25, gzip;q=0", "gzip"), 0.0);  // its own entry wins over *
  EXPECT_EQ(http::acceptedQuality("gzip;q=abc", "gzip"), 0.0);
  EXPECT_EQ(http::acceptedQuality("gzip;q=0.1234", "gzip"), 0.0);  // at most three decimals
  EXPECT_EQ(http::acceptedQuality("gzipped", "gzip"), 0.0);
  EXPECT_EQ(http::acceptedQuality(",,;,gzip;level=9;q=0.75", "gzip"), 0.75);
}

}  // namespace
}  // namespace cqpm::testing
