#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One examination of a VAE application's admissibility (« recevabilité »).
struct VaeAdmissibilityRecord {
  std::string id;
  std::string file_id;
  std::int64_t sequence = 0;  ///< 1 for the first examination of the file, then 2...
  bool favourable = false;
  std::string reason;
  std::string decided_by;
  std::string decided_by_name;  ///< filled when read
  std::string decided_at;       ///< ISO-8601 UTC
};

/// The admissibility decisions of VAE files: appended, never edited; the
/// latest of a file is the one in force. Every function runs on the session
/// it is given.
namespace vae_admissibility_store {

/// Appends the record as the file's next examination; returns its sequence.
std::int64_t insert(SqlSession& sql, const VaeAdmissibilityRecord& record);
/// The file's decisions, newest first.
std::vector<VaeAdmissibilityRecord> forFile(SqlSession& sql, const std::string& file_id);
/// The decision in force (the newest), if any.
std::optional<VaeAdmissibilityRecord> latest(SqlSession& sql, const std::string& file_id);

}  // namespace vae_admissibility_store
}  // namespace cqpm::store
