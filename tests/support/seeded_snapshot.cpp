#include "support/seeded_snapshot.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "common/clock.h"
#include "deadlines/paris_time.h"
#include "support/test_database.h"

namespace cqpm::testing {

namespace {

/// An exclusive flock held for the object's lifetime (released with the descriptor).
class FolderLock {
 public:
  explicit FolderLock(const std::string& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (fd_ < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) {
        ::close(fd_);
        throw std::runtime_error("cannot lock " + path + ": " + std::strerror(errno));
      }
    }
  }
  ~FolderLock() { ::close(fd_); }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

std::string snapshotFolder() {
  const char* folder = std::getenv("CQPM_TEST_SNAPSHOT_DIR");
  return folder ? folder : "";
}

}  // namespace

void copyFolderContents(const std::string& from, const std::string& to) {
  for (Poco::DirectoryIterator entry(from), end; entry != end; ++entry) entry->copyTo(to);
}

std::optional<SeededSnapshot> demoSnapshot(const std::string& backend, const DemoSeeder& seed) {
  const std::string root = snapshotFolder();
  if (root.empty() || (backend != "sqlite" && postgresTestUrl().empty())) return std::nullopt;
  Poco::File(root).createDirectories();
  // Paris date: the demo's juries and deadlines are dated from "today".
  std::string day = deadlines::parisDateOf(systemClock()());
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  const std::string name = "demo_" + backend + "_" + day;
  SeededSnapshot snapshot{Poco::Path(root).append(name).toString(),
                          backend == "sqlite" ? "" : "cqpm_" + name};

  const FolderLock lock(Poco::Path(root).append(name + ".lock").toString());
  const std::string ready = Poco::Path(root).append(name + ".ready").toString();
  if (Poco::File(ready).exists()) return snapshot;
  // A half-made snapshot (a seeding that failed) is made again from nothing.
  if (Poco::File(snapshot.data_dir).exists()) Poco::File(snapshot.data_dir).remove(true);
  Poco::File(snapshot.data_dir).createDirectories();
  std::string url;
  if (!snapshot.template_database.empty()) {
    runOnTestCluster("DROP DATABASE IF EXISTS " + snapshot.template_database + " WITH (FORCE)");
    runOnTestCluster("CREATE DATABASE " + snapshot.template_database);
    url = withDatabase(postgresTestUrl(), snapshot.template_database);
  }
  seed(snapshot.data_dir, url);
  std::ofstream(ready) << "seeded\n";
  return snapshot;
}

}  // namespace cqpm::testing
