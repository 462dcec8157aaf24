#pragma once

#include <string>

namespace cqpm::app {

/// Creates the data folder `path` (and its parents) if missing and checks it
/// is a folder this user can write. Throws Error{kInvalidConfiguration, field
/// "data"} otherwise, at once. What DataFolder does before locking; the admin
/// commands, which run beside a live server, use it alone.
void prepareDataFolder(const std::string& path);

/// The data folder of one running server (the SQLite database, the referential
/// repository, the documents), checked and locked for the server's life.
///
/// The lock is an exclusive flock(2) on `<folder>/cqpm.lock`, which holds the
/// owner's pid: the kernel drops it when the process ends, however it ends, so
/// a kill -9 never leaves the folder locked. Holding it is what lets the
/// server treat any git lock file in its repository as a killed writer's.
/// Not copyable; the lock is released by the destructor.
class DataFolder {
 public:
  /// Creates `path` (and its parents) if missing. Throws
  /// Error{kInvalidConfiguration} when `path` is not a folder or not writable,
  /// and Error{kUnavailable} when another process holds the folder (its pid in
  /// the message). Answers at once: nothing here waits.
  explicit DataFolder(std::string path);
  ~DataFolder();
  DataFolder(const DataFolder&) = delete;
  DataFolder& operator=(const DataFolder&) = delete;

  const std::string& path() const { return path_; }

  /// What the folder already holds that a new, empty database would orphan:
  /// "referentials.git" (it has refs), "documents" (it has files); empty if nothing.
  std::string heldData() const;

 private:
  std::string path_;
  int lock_fd_ = -1;
};

}  // namespace cqpm::app
