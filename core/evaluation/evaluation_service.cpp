#include "evaluation/evaluation_service.h"

#include <set>

#include "access/file_in_scope.h"
#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/error.h"
#include "evaluation/competency_content.h"
#include "evaluation/competency_etag.h"
#include "evaluation/competency_view.h"
#include "evaluation/evaluation_grid.h"
#include "evaluation/grid_view.h"
#include "files/file_events.h"
#include "store/candidate_file_store.h"
#include "store/document_store.h"
#include "store/evaluation_store.h"
#include "store/event_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::evaluation {

using Poco::JSON::Object;

namespace {

constexpr const char* kWritableState = workflow::states::kUnderEvaluation;

void requireReader(const domain::Actor& actor) {
  using domain::Role;
  if (actor.role == Role::kCompanyTutor || actor.role == Role::kCandidate) {
    throw Error(ErrorCode::kForbidden,
                "the evaluation grid is read by the centre, the commission and the jury");
  }
}

// What every write of the grid checks first, in the transaction of the write.
struct WriteTarget {
  store::CandidateFileView file;
  GridCompetency competency;
  std::optional<std::int64_t> named_version;  ///< what If-Match names; nullopt: something else
};

Object::Ptr payloadOf(const std::string& competency, const store::CompetencyEvaluation& stored) {
  Object::Ptr payload = new Object;
  payload->set("competency", competency);
  payload->set("version", stored.version);
  payload->set("result", stored.result);
  return payload;
}

StaleCompetency stale(const std::string& file_id, const GridCompetency& competency,
                      const store::CompetencyEvaluation& current) {
  return StaleCompetency("competency " + competency.number +
                             " changed since you read it: it is now at version " +
                             std::to_string(current.version) + "; review the current content and write again",
                         competencyView(file_id, competency, current));
}

}  // namespace

GridView EvaluationService::grid(const domain::Actor& actor, const std::string& file_id) {
  return db_.read([&](store::SqlSession& sql) {
    const auto view = access::fileInScope(sql, actor, file_id);
    requireReader(actor);
    const domain::CandidateFile& file = view.file;
    std::vector<Evaluator> commission;
    bool member = false;
    for (const auto& evaluator : store::evaluation_store::commission(sql, file.id)) {
      commission.push_back(Evaluator{evaluator.evaluator_id, evaluator.display_name});
      member = member || evaluator.evaluator_id == actor.user_id;
    }
    GridView grid =
        gridOf(file, rules_, std::move(commission), store::evaluation_store::evaluations(sql, file.id));
    grid.editable =
        member && access::allows(actor.role, access::Permission::kEvaluate) && file.state == kWritableState;
    return grid;
  });
}

namespace {

WriteTarget target(store::SqlSession& sql, plugins::PluginRules& rules, const domain::Actor& actor,
                   const std::string& file_id, const std::string& number,
                   const std::optional<std::string>& if_match) {
  WriteTarget target{access::fileInScope(sql, actor, file_id), {}, std::nullopt};
  const domain::CandidateFile& file = target.file.file;
  if (!access::allows(actor.role, access::Permission::kEvaluate) ||
      !store::evaluation_store::inCommission(sql, file.id, actor.user_id)) {
    throw Error(ErrorCode::kForbidden,
                "only the evaluators of the file's commission write its evaluation grid");
  }
  if (file.state != kWritableState) {
    throw Error(ErrorCode::kInvalidState,
                "the grid is written while the file is under evaluation; it is " + file.state);
  }
  const auto grid = gridCompetencies(*rules.referentialFor(file), file.modality_plan_json,
                                     domain::parseBlocScope(file.bloc_scope_json));
  const GridCompetency* found = findCompetency(grid, number);
  if (!found) {
    throw Error(ErrorCode::kNotFound, "the file's referential has no competency " + number, "competency");
  }
  target.competency = *found;
  if (!if_match || if_match->empty()) {
    throw Error(ErrorCode::kPreconditionRequired,
                "send If-Match with the ETag of competency " + number + " as you read it", "If-Match");
  }
  target.named_version = versionOfEtag(*if_match, file.id, number);
  return target;
}

}  // namespace

CompetencyAnswer EvaluationService::update(const domain::Actor& actor, const std::string& file_id,
                                           const std::string& competency,
                                           const std::optional<std::string>& if_match,
                                           const Object::Ptr& body) {
  return db_.write([&](store::SqlSession& sql) {
    const auto target_ = target(sql, rules_, actor, file_id, competency, if_match);
    const domain::CandidateFile& file = target_.file.file;
    std::set<std::string> documents;
    for (const auto& document : store::document_store::listForFile(sql, file.id))
      documents.insert(document.id);
    const auto content = readCompetencyContent(body, target_.competency, documents);

    const auto current = store::evaluation_store::evaluation(sql, file.id, competency);
    if (target_.named_version != current.version) throw stale(file.id, target_.competency, current);
    if (content.result == current.result && content.observations_json == current.observations_json &&
        content.evidence_json == current.evidence_json) {
      // Nothing changes: the signatures of this version still hold.
      return CompetencyAnswer{competencyView(file.id, target_.competency, current)};
    }
    store::CompetencyEvaluation written;
    written.competency = competency;
    written.result = content.result;
    written.observations_json = content.observations_json;
    written.evidence_json = content.evidence_json;
    written.updated_by = actor.user_id;
    written.updated_at = nowIso8601(clock_);
    if (!store::evaluation_store::updateEvaluation(sql, file.id, written, current.version)) {
      throw stale(file.id, target_.competency, store::evaluation_store::evaluation(sql, file.id, competency));
    }
    const auto stored = store::evaluation_store::evaluation(sql, file.id, competency);
    store::event_store::append(sql, files::sameStateEvent(file, actor, "evaluation_updated",
                                                          payloadOf(competency, stored), written.updated_at));
    return CompetencyAnswer{competencyView(file.id, target_.competency, stored)};
  });
}

CompetencyAnswer EvaluationService::sign(const domain::Actor& actor, const std::string& file_id,
                                         const std::string& competency,
                                         const std::optional<std::string>& if_match) {
  return db_.write([&](store::SqlSession& sql) {
    const auto target_ = target(sql, rules_, actor, file_id, competency, if_match);
    const domain::CandidateFile& file = target_.file.file;
    const auto current = store::evaluation_store::evaluation(sql, file.id, competency);
    if (target_.named_version != current.version) throw stale(file.id, target_.competency, current);
    if (current.result == "not_evaluated") {
      throw Error(
          ErrorCode::kUnprocessable,
          "competency " + competency + " has no result to sign: record acquired or not_acquired first",
          "result");
    }
    const std::string now = nowIso8601(clock_);
    const bool created =
        store::evaluation_store::addSignature(sql, file.id, competency, current.version, actor.user_id, now);
    if (created) {
      store::event_store::append(
          sql, files::sameStateEvent(file, actor, "evaluation_signed", payloadOf(competency, current), now));
    }
    const auto stored = store::evaluation_store::evaluation(sql, file.id, competency);
    return CompetencyAnswer{competencyView(file.id, target_.competency, stored), created};
  });
}

}  // namespace cqpm::evaluation
