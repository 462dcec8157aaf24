#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/me/todo[?limit=n&overdue=true&kind=k] -> the actor's to-do list and its summary
Response myTodo(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
