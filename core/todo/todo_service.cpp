#include "todo/todo_service.h"

#include "common/error.h"
#include "deadlines/paris_time.h"
#include "store/todo_store.h"
#include "todo/todo_items.h"
#include "todo/todo_states.h"

namespace cqpm::todo {

namespace {

constexpr int kMaxLimit = 500;

}  // namespace

TodoList TodoService::list(const domain::Actor& actor, const TodoQuery& query) {
  if (query.limit < 1 || query.limit > kMaxLimit)
    throw Error(ErrorCode::kInvalidField, "limit must be between 1 and " + std::to_string(kMaxLimit),
                "limit");
  const Poco::Timestamp instant = clock_();
  const std::string now = toIso8601(instant);
  const std::string today = deadlines::parisDateOf(instant);
  const store::TodoPageRequest request{query.limit, query.overdue_only, query.kind};
  using domain::OrganisationKind;
  using domain::Role;
  const auto page = db_.read([&](store::SqlSession& sql) -> store::TodoPage {
    namespace ts = store::todo_store;
    switch (actor.role) {
      case Role::kCentreCoordinator:
        if (actor.organisation_kind != OrganisationKind::kCentre) return {};
        return ts::coordinatorTodo(sql, actor.organisation_id, coordinatorStates(workflow_), now, today,
                                   request);
      case Role::kCompanyTutor:
        if (actor.organisation_kind != OrganisationKind::kCompany) return {};
        return ts::tutorTodo(sql, actor.organisation_id, tutorStates(workflow_), now, request);
      case Role::kEvaluator:
        return ts::evaluatorTodo(sql, actor.user_id, evaluatorStates(workflow_), request);
      case Role::kJuryMember:
        return ts::juryMemberTodo(sql, actor.user_id, today, request);
      case Role::kGtpAuditor:
        if (!actor.college) return {};
        return ts::gtpTodo(sql, std::string(domain::collegeName(*actor.college)), request);
      case Role::kCandidate:
        return ts::candidateTodo(sql, actor.user_id, openStates(workflow_), now, request);
      case Role::kGtpAdmin:
      case Role::kAdmin:
        return {};
    }
    return {};
  });

  TodoList list;
  for (const auto& count : page.counts) {
    list.by_kind[count.kind] += count.items;
    list.total += count.items;
    list.overdue_count += count.overdue;
  }
  const ItemContext context{workflow_, catalog_, actor.role == Role::kCandidate};
  for (const auto& row : page.rows) {
    if (auto item = itemOf(row, context)) list.items.push_back(std::move(*item));
  }
  return list;
}

}  // namespace cqpm::todo
