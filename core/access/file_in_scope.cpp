#include "access/file_in_scope.h"

#include "access/file_scope.h"
#include "common/error.h"

namespace cqpm::access {

store::CandidateFileView fileInScope(store::SqlSession& sql, const domain::Actor& actor,
                                     const std::string& file_id) {
  auto file = store::candidate_file_store::find(sql, file_id, fileScopeFor(actor));
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  return std::move(*file);
}

store::CandidateFileView readFileInScope(store::Database& db, const domain::Actor& actor,
                                         const std::string& file_id) {
  return db.read([&](store::SqlSession& sql) { return fileInScope(sql, actor, file_id); });
}

}  // namespace cqpm::access
