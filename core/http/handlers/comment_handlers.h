#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/comments[?competency=N] -> 200 {items}, oldest first.
Response listComments(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/comments {body, competency} -> 201 the comment.
Response addComment(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
