#include "app/data_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "common/error.h"

namespace cqpm::app {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const std::string& message) {
  throw Error(ErrorCode::kInvalidConfiguration, message, "data");
}

bool holdsAnyFile(const fs::path& folder) {
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error)) return true;
  }
  return false;
}

bool holdsRefs(const fs::path& repository) {
  std::error_code error;
  if (fs::file_size(repository / "packed-refs", error) > 0 && !error) {
    std::ifstream packed(repository / "packed-refs");
    for (std::string line; std::getline(packed, line);) {
      if (!line.empty() && line[0] != '#' && line[0] != '^') return true;
    }
  }
  return holdsAnyFile(repository / "refs");
}

}  // namespace

void prepareDataFolder(const std::string& path) {
  std::error_code error;
  const fs::path folder(path);
  if (fs::exists(folder, error) && !fs::is_directory(folder, error)) {
    refuse("the data folder " + path + " is not a folder (--data must name a folder)");
  }
  fs::create_directories(folder, error);
  if (error) refuse("cannot create the data folder " + path + ": " + error.message());
  if (::access(path.c_str(), W_OK | X_OK) != 0) {
    refuse("the data folder " + path + " is not writable by this user: " + std::strerror(errno));
  }
}

DataFolder::DataFolder(std::string path) : path_(std::move(path)) {
  prepareDataFolder(path_);
  const fs::path folder(path_);
  const std::string lock_path = (folder / "cqpm.lock").string();
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (lock_fd_ < 0) refuse("cannot open " + lock_path + ": " + std::strerror(errno));
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const int cause = errno;
    char owner[32] = {};
    const ssize_t read = ::pread(lock_fd_, owner, sizeof owner - 1, 0);
    ::close(lock_fd_);
    lock_fd_ = -1;
    if (cause != EWOULDBLOCK) refuse("cannot lock " + lock_path + ": " + std::strerror(cause));
    std::string pid = read > 0 ? std::string(owner, static_cast<std::size_t>(read)) : "";
    pid.erase(pid.find_last_not_of(" \n") + 1);
    throw Error(ErrorCode::kUnavailable,
                "the data folder " + path_ + " is in use by another cqpm server" +
                    (pid.empty() ? "" : " (pid " + pid + ")") +
                    ": one server per data folder (on PostgreSQL, give each instance its own folder)",
                "data");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(lock_fd_, 0) != 0 || ::pwrite(lock_fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is only a courtesy for the message above; the lock itself holds.
  }
}

DataFolder::~DataFolder() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

std::string DataFolder::heldData() const {
  const fs::path folder(path_);
  std::string held;
  if (holdsRefs(folder / "referentials.git")) held = "referentials.git";
  if (holdsAnyFile(folder / "documents")) held += std::string(held.empty() ? "" : " and ") + "documents";
  return held;
}

}  // namespace cqpm::app
