#pragma once

#include <Poco/JSON/Object.h>

#include "todo/todo_records.h"

namespace cqpm::http {

/// JSON shape of GET /api/v1/me/todo (schemas/openapi.yaml, TodoList):
/// {items: [{kind, file, session_id, proposal_id, label, due, overdue}],
///  summary: {total, overdue_count, by_kind: {kind: n}}}; absent ids and dates are null.
Poco::JSON::Object::Ptr todoListJson(const todo::TodoList& list);

}  // namespace cqpm::http
