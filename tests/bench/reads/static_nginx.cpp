#include "reads/static_nginx.h"

#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "keep_alive_connection.h"

namespace cqpm::bench {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNginx = "/usr/sbin/nginx";

}  // namespace

StaticNginx::StaticNginx(const std::string& file_name, const std::string& content, int workers)
    : file_name_(file_name) {
  if (!fs::exists(kNginx))
    throw std::runtime_error(std::string(kNginx) + " is missing: deploy/install-dependencies.sh installs it");
  dir_ = Poco::TemporaryFile::tempName(Poco::Path::temp()) + "-cqpm-bench-nginx";
  fs::create_directories(dir_ + "/www");
  // Run as root, nginx's workers become "nobody": the folder and file must be readable by all.
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir_ + "/www", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
  std::ofstream(dir_ + "/www/" + file_name_, std::ios::binary) << content;
  port_ = testing::freePort();
  // What a static site needs and no more. `reuseport`: one listening socket
  // per worker, the kernel spreading connections over them; without it the
  // 16 connections, opened at once, mostly land on one worker (seen: 16 and
  // 0), which would hold nginx to one core. keepalive_requests lifted from its
  // default 1,000 so that each client keeps its one connection for the whole
  // run, as it does with the server measured against it. Temporary paths in
  // the folder: the compiled-in ones under /var/lib/nginx need root.
  std::ofstream(dir_ + "/nginx.conf")
      << "daemon off;\nmaster_process on;\nworker_processes " << workers << ";\npid " << dir_
      << "/nginx.pid;\nerror_log " << dir_ << "/error.log warn;\n"
      << "events { worker_connections 1024; }\n"
      << "http {\n  access_log off;\n  default_type application/json;\n"
      << "  keepalive_timeout 65;\n  keepalive_requests 100000000;\n"
      << "  client_body_temp_path " << dir_ << "/body;\n  proxy_temp_path " << dir_ << "/proxy;\n"
      << "  fastcgi_temp_path " << dir_ << "/fastcgi;\n  uwsgi_temp_path " << dir_ << "/uwsgi;\n"
      << "  scgi_temp_path " << dir_ << "/scgi;\n"
      << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    root " << dir_ << "/www;\n  }\n}\n";
  // -e: the error log from the start (before the configuration is read, the
  // compiled-in /var/log/nginx/error.log would be opened).
  process_ = std::make_unique<testing::ServerProcess>(
      kNginx, std::vector<std::string>{"-c", dir_ + "/nginx.conf", "-p", dir_, "-e", dir_ + "/error.log"},
      dir_ + "/nginx.out");
  process_->start();
}

StaticNginx::~StaticNginx() {
  // SIGTERM: the master stops its workers before exiting (a SIGKILLed master
  // would leave them running).
  if (process_) process_->terminate(std::chrono::seconds(5));
  process_.reset();
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

void StaticNginx::waitUntilServing(std::chrono::seconds patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  const std::string request = "GET /" + file_name_ + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::string last = "no answer";
  while (std::chrono::steady_clock::now() < deadline) {
    if (!process_->running())
      throw std::runtime_error("nginx " + testing::describeExit(process_->exitStatus()) + "\n" + describe());
    try {
      KeepAliveConnection connection(port_, std::chrono::seconds(2));
      const RawAnswer answer = connection.exchange(request);
      if (answer.status == 200) return;
      last = "HTTP " + std::to_string(answer.status);
    } catch (const std::runtime_error& e) {
      last = e.what();  // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("nginx did not serve /" + file_name_ + " in time (" + last + ")\n" + describe());
}

std::vector<int> StaticNginx::socketsPerWorker() const {
  const std::string master = std::to_string(process_->pid());
  std::ifstream children("/proc/" + master + "/task/" + master + "/children");
  std::vector<int> counts;
  for (std::string worker; children >> worker;) {
    int sockets = 0;
    std::error_code error;
    // Increments with an error code too: a diagnostic must not throw while the clients run.
    for (fs::directory_iterator fd("/proc/" + worker + "/fd", error), end; !error && fd != end;
         fd.increment(error)) {
      if (fs::read_symlink(fd->path(), error).string().starts_with("socket:")) ++sockets;
      error.clear();
    }
    counts.push_back(sockets);
  }
  return counts;
}

std::string StaticNginx::describe() const {
  return "nginx on 127.0.0.1:" + std::to_string(port_) + ", configuration " + dir_ + "/nginx.conf\n" +
         testing::tailOf(dir_ + "/error.log") + testing::tailOf(dir_ + "/nginx.out");
}

}  // namespace cqpm::bench
