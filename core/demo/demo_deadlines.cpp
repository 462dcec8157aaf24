#include "demo/demo_deadlines.h"

#include <Poco/Logger.h>

#include "access/file_scope.h"
#include "deadlines/paris_time.h"
#include "store/account_store.h"
#include "store/candidate_file_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::demo {

void seedDeadlineDemo(store::Database& db, deadlines::DeadlineService& deadlines) {
  const auto centre = db.read([](store::SqlSession& sql) -> std::optional<domain::Actor> {
    const auto user = store::account_store::findUserByLogin(sql, "centre");
    return user ? store::account_store::actorOfUser(sql, user->id) : std::nullopt;
  });
  if (!centre) return;
  const auto files = db.read([&](store::SqlSession& sql) {
    return store::candidate_file_store::list(sql, access::fileScopeFor(*centre), {}, std::nullopt, 100);
  });
  const std::string today = deadlines::parisDateOf(deadlines.clock()());
  // (family name, state the demo leaves it in, days from today)
  const std::vector<std::tuple<std::string, std::string, int>> plan{
      {"Martin", workflow::states::kModalitiesAgreed, 21}, {"Bonnet", workflow::states::kRegistered, -3}};
  for (const auto& [family_name, state, days] : plan) {
    bool done = false;
    for (const auto& view : files) {
      if (view.file.candidate.family_name != family_name || view.file.state != state) continue;
      deadlines.setReportDeadline(*centre, view.file.id, deadlines::addDays(today, days));
      done = true;
      break;
    }
    if (!done) Poco::Logger::get("demo").warning("no demo deadline: %s is not %s", family_name, state);
  }
}

}  // namespace cqpm::demo
