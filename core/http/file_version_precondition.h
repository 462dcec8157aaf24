#pragma once

#include <cstdint>
#include <functional>

#include "http/exchange.h"
#include "http/file_version_precondition.h"
#include "http/json_body.h"

namespace cqpm::http {

/// The file version an optimistic write on a candidate file is made against.
///
/// The API's one idiom for optimistic writes is If-Match with the ETag the
/// server sent ("7" for a file at version 7: GET /api/v1/files/{id} and every
/// write on the file send it), as the evaluation grid and the company opinion
/// already do. `expected_version` in the JSON body, the older form, is kept as
/// a deprecated alias for one release:
/// - If-Match "<n>": n; a weak or malformed value is 400 naming If-Match;
/// - expected_version alone: as before;
/// - both: they must name the same version (400 naming If-Match otherwise);
/// - neither: 428 precondition_required naming If-Match.
struct FileVersionPrecondition {
  std::int64_t version = 0;
  bool from_if_match = false;
};

/// Reads the precondition of `request`, whose JSON body is `body` (which
/// must know "expected_version"). Throws Error as listed above.
FileVersionPrecondition fileVersionPrecondition(const Request& request, const JsonFields& body);

/// Runs `write` (which refuses a stale version with kVersionConflict, 409).
/// When the version came from If-Match, a stale one is answered as HTTP says:
/// 412 precondition_failed naming If-Match, with the same details
/// (current_version). The answer gets the new ETag of the file, read from
/// its body's `version_field` ("version", "file_version"; empty: the
/// handler sets it).
Response underPrecondition(const FileVersionPrecondition& precondition, const std::string& version_field,
                           const std::function<Response()>& write);

}  // namespace cqpm::http
