#pragma once

#include <string>

#include "domain/actor.h"
#include "store/candidate_file_store.h"
#include "store/database.h"

namespace cqpm::access {

/// The file `file_id` as `actor` may see it, read in `sql`. Throws Error{kNotFound}
/// when it is absent or outside the actor's scope (404, not 403: its existence is
/// not revealed).
store::CandidateFileView fileInScope(store::SqlSession& sql, const domain::Actor& actor,
                                     const std::string& file_id);

/// The same, in a read transaction of its own.
store::CandidateFileView readFileInScope(store::Database& db, const domain::Actor& actor,
                                         const std::string& file_id);

}  // namespace cqpm::access
