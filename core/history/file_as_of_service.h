#pragma once

#include <string>

#include "archive/file_archive_service.h"
#include "history/file_as_of.h"
#include "store/database.h"

namespace cqpm::history {

/// Shows a candidate's file as it stood at an earlier instant (issue 16, item 3): what a jury or an
/// auditor saw on a given day, rebuilt from the append-only records, never from a copy. Read by
/// those who read the file's whole archive (Permission::kPrintFileArchive: the centre's
/// coordinators, the GTP's auditors of files put before a jury). Thread-safe: it holds nothing of
/// its own.
class FileAsOfService {
 public:
  FileAsOfService(store::Database& db, archive::ArchiveSources sources, Clock clock)
      : db_(db), sources_(sources), clock_(std::move(clock)) {}

  /// `at`: an ISO-8601 date-time with its offset ("2027-03-18T10:00:00+01:00"). Errors: kForbidden
  /// (may not read archives), kNotFound (outside the actor's scope), kInvalidField "at" (not such a
  /// date-time, in the future, or before the file was created).
  FileAsOf at(const domain::Actor& actor, const std::string& file_id, const std::string& at);

 private:
  store::Database& db_;
  archive::ArchiveSources sources_;
  Clock clock_;
};

}  // namespace cqpm::history
