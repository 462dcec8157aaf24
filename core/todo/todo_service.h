#pragma once

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"
#include "todo/todo_records.h"
#include "workflow/workflow_definition.h"

namespace cqpm::todo {

/// What part of the list to answer.
struct TodoQuery {
  int limit = 100;                  ///< items answered, 1 to 500
  bool overdue_only = false;        ///< only the items whose due date passed
  std::optional<std::string> kind;  ///< only the items of this kind
};

/// « À faire »: what the actor has to do next, computed from the files,
/// sessions and proposals waiting on their role, in their scope only (a
/// coordinator: their centre; a tutor: their company; an evaluator: their
/// commissions; a jury member: their sessions; a GTP auditor: their college's
/// approvals; a candidate: their own files). An account holds one role, so its
/// list is that role's. Where the workflow is involved, which states wait on
/// which role is read from the loaded definition (todo_states.h).
///
/// Two SQL statements per call, the counts and the page (store/todo_store.h),
/// whatever the number of files.
/// Borrows `db`, `workflow` and `catalog`, which must outlive it. Thread-safe.
class TodoService {
 public:
  TodoService(store::Database& db, const workflow::WorkflowDefinition& workflow,
              const plugins::PluginCatalog& catalog, Clock clock)
      : db_(db), workflow_(workflow), catalog_(catalog), clock_(std::move(clock)) {}

  /// The actor's items, overdue first, then by due day, then the others, the
  /// longest waiting (oldest file, proposal) first; the counts by kind and
  /// overdue cover every item (before `query.kind`, `query.overdue_only` and
  /// `query.limit` choose the items).
  /// Error{kInvalidField, "limit"} for a limit out of range. Roles with
  /// nothing to do here (administrators) get an empty list.
  TodoList list(const domain::Actor& actor, const TodoQuery& query = {});

 private:
  store::Database& db_;
  const workflow::WorkflowDefinition& workflow_;
  const plugins::PluginCatalog& catalog_;
  Clock clock_;
};

}  // namespace cqpm::todo
