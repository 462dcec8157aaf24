#pragma once

#include <string>

#include "access/file_scope.h"
#include "common/error.h"
#include "store/candidate_file_store.h"

namespace cqpm::evaluation {

/// The file `file_id` as `actor` may see it, read on `sql`; Error{kNotFound}
/// when it is missing or out of the actor's scope (the two are never told apart).
inline store::CandidateFileView fileInScope(store::SqlSession& sql, const domain::Actor& actor,
                                            const std::string& file_id) {
  auto file = store::candidate_file_store::find(sql, file_id, access::fileScopeFor(actor));
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  return std::move(*file);
}

}  // namespace cqpm::evaluation
