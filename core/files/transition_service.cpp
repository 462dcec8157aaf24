#include "files/transition_service.h"

#include <sstream>

#include "access/file_scope.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "files/plugin_failure_event.h"
#include "store/event_store.h"
#include "store/referential_version_store.h"

namespace cqpm::files {

using store::SqlSession;

TransitionService::TransitionService(store::Database& db, Clock clock, const workflow::WorkflowEngine& engine,
                                     observability::Metrics& metrics)
    : db_(db), clock_(std::move(clock)), engine_(engine), metrics_(metrics) {}

store::StoredResponse TransitionService::fire(
    const domain::Actor& actor, const TransitionRequest& request,
    const std::optional<IdempotencyKey>& idempotency,
    const std::function<store::StoredResponse(const store::CandidateFileView&)>& render) {
  std::string fired;
  store::StoredResponse response;
  try {
    response = db_.write([&](SqlSession& sql) {
      if (idempotency) {
        if (auto replay = store::idempotency_store::find(sql, actor.user_id, idempotency->key,
                                                         idempotency->request_hash, nowIso8601(clock_))) {
          return *replay;
        }
      }
      const store::CandidateFileView view = fireIn(sql, actor, request);
      store::StoredResponse answer = render(view);
      if (idempotency) {
        store::idempotency_store::save(sql, actor.user_id, idempotency->key, idempotency->request_hash,
                                       answer);
      }
      fired = request.transition;
      return answer;
    });
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kPluginFailed) recordPluginFailure(db_, request.file_id, actor, e, clock_);
    throw;
  }
  if (!fired.empty()) metrics_.recordTransition(fired);
  return response;
}

store::CandidateFileView TransitionService::fireIn(SqlSession& sql, const domain::Actor& actor,
                                                   const TransitionRequest& request) {
  const auto scope = access::fileScopeFor(actor);
  // Read under the writer lock: the decision is taken on the state it changes.
  auto view = store::candidate_file_store::find(sql, request.file_id, scope);
  if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + request.file_id);
  const domain::CandidateFile& file = view->file;
  if (file.version != request.expected_version) throw fileVersionConflict(file.version);

  const workflow::Decision decision = engine_.decide(file, actor, request.transition, request.payload, &sql);
  if (!decision.allowed) {
    const workflow::Refusal& refusal = *decision.refusal;
    throw Error(refusal.code, refusal.message, refusal.field, refusal.details);
  }
  const std::string now = nowIso8601(clock_);
  if (!store::candidate_file_store::updateState(sql, file.id, file.version, decision.to_state, now)) {
    // Another instance sharing the database won the race.
    auto current = store::candidate_file_store::find(sql, file.id, scope);
    throw fileVersionConflict(current ? current->file.version : file.version + 1);
  }
  if (decision.transition->pins_referential) {
    // The file is judged under the referential version in force now, whatever is published later.
    if (auto published = store::referential_version_store::latestVersion(sql, file.cqpm)) {
      store::candidate_file_store::pinReferential(sql, file.id, published->number, published->commit_id);
      view->file.referential_version = published->number;
      view->file.referential_commit = published->commit_id;
    }
  }
  domain::FileEvent event;
  event.file_id = file.id;
  event.transition = decision.transition->id;
  event.from_state = file.state;
  event.to_state = decision.to_state;
  event.actor_id = actor.user_id;
  event.organisation_id = actor.organisation_id;
  event.payload_json = toJsonText(request.payload);
  event.at = now;
  store::event_store::append(sql, event);

  view->file.state = decision.to_state;
  view->file.version = file.version + 1;
  view->file.updated_at = now;
  return std::move(*view);
}

}  // namespace cqpm::files
