#include "evaluation/file_in_scope.h"

#include "access/file_scope.h"
#include "common/error.h"

namespace cqpm::evaluation {

store::CandidateFileView fileInScope(store::SqlSession& sql, const domain::Actor& actor,
                                     const std::string& file_id) {
  auto file = store::candidate_file_store::find(sql, file_id, access::fileScopeFor(actor));
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  return std::move(*file);
}

}  // namespace cqpm::evaluation
