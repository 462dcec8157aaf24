#include "http/handlers/todo_handlers.h"

#include "http/query_params.h"
#include "http/todo_presenters.h"

namespace cqpm::http::handlers {

Response myTodo(ApiContext& context, Request& request) {
  todo::TodoQuery query;
  query.limit = queryLimit(request, query.limit, 500);
  query.overdue_only = queryBool(request, "overdue").value_or(false);
  if (std::string kind = request.queryValue("kind"); !kind.empty()) query.kind = std::move(kind);
  return Response::json(200, todoListJson(context.todo.list(request.requireActor(), query)));
}

}  // namespace cqpm::http::handlers
