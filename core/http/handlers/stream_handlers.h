#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/stream: the file's new events as server-sent events
/// (text/event-stream), from the `Last-Event-ID` header or `?after=seq`, else
/// from now. 404 out of scope; 503 with Retry-After when every stream place is taken.
Response streamFileEvents(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
