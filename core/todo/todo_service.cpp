#include "todo/todo_service.h"

#include <algorithm>
#include <tuple>

#include "common/error.h"
#include "deadlines/paris_time.h"
#include "store/todo_store.h"
#include "todo/todo_items.h"
#include "todo/todo_states.h"

namespace cqpm::todo {

namespace {

constexpr int kMaxLimit = 500;

// Overdue first, then the earliest due date, then undated items by label.
bool moreUrgent(const TodoItem& a, const TodoItem& b) {
  return std::make_tuple(!a.overdue, !a.due.has_value(), a.due.value_or(""), a.label) <
         std::make_tuple(!b.overdue, !b.due.has_value(), b.due.value_or(""), b.label);
}

}  // namespace

TodoList TodoService::list(const domain::Actor& actor, const TodoQuery& query) {
  if (query.limit < 1 || query.limit > kMaxLimit)
    throw Error(ErrorCode::kInvalidField, "limit must be between 1 and " + std::to_string(kMaxLimit),
                "limit");
  const Poco::Timestamp now = clock_();
  const ItemContext context{workflow_, catalog_, toIso8601(now), deadlines::parisDateOf(now)};
  using domain::OrganisationKind;
  using domain::Role;
  const auto rows = db_.read([&](store::SqlSession& sql) -> std::vector<store::TodoRow> {
    namespace ts = store::todo_store;
    switch (actor.role) {
      case Role::kCentreCoordinator:
        if (actor.organisation_kind != OrganisationKind::kCentre) return {};
        return ts::coordinatorRows(sql, actor.organisation_id, coordinatorStates(workflow_), context.now,
                                   context.today);
      case Role::kCompanyTutor:
        if (actor.organisation_kind != OrganisationKind::kCompany) return {};
        return ts::tutorRows(sql, actor.organisation_id, tutorStates(workflow_));
      case Role::kEvaluator:
        return ts::evaluatorRows(sql, actor.user_id, evaluatorStates(workflow_));
      case Role::kJuryMember:
        return ts::juryMemberRows(sql, actor.user_id, context.today);
      case Role::kGtpAuditor:
        if (!actor.college) return {};
        return ts::gtpRows(sql, std::string(domain::collegeName(*actor.college)));
      case Role::kCandidate:
        return ts::candidateRows(sql, actor.user_id, openStates(workflow_));
      case Role::kGtpAdmin:
      case Role::kAdmin:
        return {};
    }
    return {};
  });

  std::vector<TodoItem> items;
  for (const auto& row : rows) {
    if (auto item = itemOf(row, context)) items.push_back(std::move(*item));
  }
  std::sort(items.begin(), items.end(), moreUrgent);
  TodoList list;
  for (auto& item : items) {
    ++list.total;
    ++list.by_kind[item.kind];
    if (item.overdue) ++list.overdue_count;
    if (query.overdue_only && !item.overdue) continue;
    if (query.kind && item.kind != *query.kind) continue;
    if (static_cast<int>(list.items.size()) < query.limit) list.items.push_back(std::move(item));
  }
  return list;
}

}  // namespace cqpm::todo
