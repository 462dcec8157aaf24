#include "support/nginx_proxy.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/test_database.h"

namespace cqpm::testing {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNginx = "/usr/sbin/nginx";

std::string readText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string testSiteConfiguration(const std::string& shipped, const std::vector<int>& upstream_ports,
                                  int port, const std::string& log_dir) {
  std::string site = shipped;
  // The port-80 server only redirects to HTTPS: left out.
  const auto http_start = site.find("# --- HTTP: redirect everything to HTTPS");
  const auto https_start = site.find("# --- HTTPS");
  if (http_start != std::string::npos && https_start != std::string::npos)
    site.erase(http_start, https_start - http_start);
  std::string servers;
  for (int upstream : upstream_ports)
    servers += "    server 127.0.0.1:" + std::to_string(upstream) + " max_fails=3 fail_timeout=10s;\n";
  site = std::regex_replace(site, std::regex(R"(    server 127\.0\.0\.1:8080 [^\n]*\n)"), servers);
  site = std::regex_replace(site, std::regex(R"(    listen 443 ssl http2;)"),
                            "    listen 127.0.0.1:" + std::to_string(port) + ";");
  site = std::regex_replace(site, std::regex(R"(    listen \[::\]:443 ssl http2;\n)"), "");
  site = std::regex_replace(site, std::regex(R"(    ssl_[a-z_]+ [^\n]*\n)"), "");
  site = std::regex_replace(site, std::regex(R"(/var/log/nginx/)"), log_dir + "/");
  // Every test user logs in from 127.0.0.1, dozens of times a journey: the
  // per-address login rate is raised (the limit itself stays in place).
  site = std::regex_replace(site, std::regex(R"(rate=10r/m)"), "rate=6000r/m");
  return site;
}

NginxProxy::NginxProxy(const std::vector<int>& upstream_ports) {
  if (!fs::exists(kNginx)) {
    reason_ = std::string(kNginx) + " is missing: deploy/install-dependencies.sh installs Debian's nginx";
    return;
  }
  dir_ = makeTempDir("cqpm-nginx");
  port_ = freePort();
  std::ofstream(dir_ + "/site.conf") << testSiteConfiguration(
      readText(std::string(CQPM_SOURCE_ROOT) + "/deploy/nginx/cqpm.conf"), upstream_ports, port_, dir_);
  // What /etc/nginx/nginx.conf gives on a server, with the test's own paths.
  std::ofstream(dir_ + "/nginx.conf")
      << "master_process off;\ndaemon off;\npid " << dir_ << "/nginx.pid;\nerror_log " << dir_
      << "/error.log warn;\nevents { worker_connections 256; }\nhttp {\n  include /etc/nginx/mime.types;\n"
      << "  default_type application/octet-stream;\n  client_body_temp_path " << dir_ << "/body;\n"
      << "  proxy_temp_path " << dir_ << "/proxy;\n  fastcgi_temp_path " << dir_ << "/fastcgi;\n"
      << "  uwsgi_temp_path " << dir_ << "/uwsgi;\n  scgi_temp_path " << dir_ << "/scgi;\n  include " << dir_
      << "/site.conf;\n}\n";
  process_ = std::make_unique<ServerProcess>(
      kNginx, std::vector<std::string>{"-c", dir_ + "/nginx.conf", "-p", dir_}, dir_ + "/nginx.out");
  process_->start();
}

NginxProxy::~NginxProxy() {
  process_.reset();  // SIGKILL and reaped
  if (!dir_.empty()) fs::remove_all(dir_);
}

std::string NginxProxy::describe() const {
  return "nginx on 127.0.0.1:" + std::to_string(port_) + ", configuration " + dir_ + "/site.conf\n" +
         tailOf(dir_ + "/error.log") + tailOf(dir_ + "/nginx.out");
}

}  // namespace cqpm::testing
