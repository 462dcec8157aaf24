#include "evaluation/commission_service.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <set>

#include "access/file_in_scope.h"
#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/error.h"
#include "files/file_events.h"
#include "store/account_store.h"
#include "store/candidate_file_store.h"
#include "store/evaluation_store.h"
#include "store/event_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::evaluation {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// The commission may change until the evaluation is over: once the file left
// under_evaluation, its signatures (counted for the current members) are what
// the company and the jury rely on.
const std::set<std::string> kCommissionStates{
    workflow::states::kDraft, workflow::states::kRegistered, workflow::states::kModalitiesAgreed,
    workflow::states::kEvidenceSubmitted, workflow::states::kUnderEvaluation};
constexpr std::size_t kMaxMembers = 20;

CommissionView view(store::SqlSession& sql, const domain::Actor& actor, const domain::CandidateFile& file) {
  CommissionView commission;
  commission.file_id = file.id;
  for (const auto& member : store::evaluation_store::commission(sql, file.id)) {
    commission.evaluators.push_back(Evaluator{member.evaluator_id, member.display_name});
  }
  const bool coordinator = access::allows(actor.role, access::Permission::kFormCommission);
  commission.editable = coordinator && kCommissionStates.count(file.state) > 0;
  if (coordinator) {
    std::vector<Evaluator> available;
    for (const auto& user : store::account_store::listUsers(sql, file.centre_id, domain::Role::kEvaluator)) {
      available.push_back(Evaluator{user.id, user.display_name});
    }
    commission.available_evaluators = std::move(available);
  }
  return commission;
}

std::vector<std::string> readMembers(store::SqlSession& sql, const domain::CandidateFile& file,
                                     const Array::Ptr& evaluators) {
  if (!evaluators)
    throw Error(ErrorCode::kInvalidField, "evaluators must be a list of user ids", "evaluators");
  if (evaluators->size() == 0) {
    throw Error(ErrorCode::kUnprocessable, "the commission needs at least one evaluator", "evaluators");
  }
  if (evaluators->size() > kMaxMembers) {
    throw Error(ErrorCode::kUnprocessable,
                "a commission has at most " + std::to_string(kMaxMembers) + " evaluators", "evaluators");
  }
  std::set<std::string> of_centre;
  for (const auto& user : store::account_store::listUsers(sql, file.centre_id, domain::Role::kEvaluator)) {
    of_centre.insert(user.id);
  }
  std::vector<std::string> members;
  for (std::size_t i = 0; i < evaluators->size(); ++i) {
    const std::string field = "evaluators[" + std::to_string(i) + "]";
    const auto value = evaluators->get(static_cast<unsigned>(i));
    if (!value.isString()) throw Error(ErrorCode::kInvalidField, field + " must be a user id", field);
    const std::string id = value.extract<std::string>();
    if (!of_centre.count(id)) {
      throw Error(ErrorCode::kUnprocessable, field + " is not an evaluator of the file's centre", field);
    }
    if (std::find(members.begin(), members.end(), id) != members.end()) {
      throw Error(ErrorCode::kUnprocessable, field + " is listed twice", field);
    }
    members.push_back(id);
  }
  return members;
}

}  // namespace

CommissionView CommissionService::get(const domain::Actor& actor, const std::string& file_id) {
  return db_.read([&](store::SqlSession& sql) {
    const auto file = access::fileInScope(sql, actor, file_id);
    return view(sql, actor, file.file);
  });
}

CommissionView CommissionService::assign(const domain::Actor& actor, const std::string& file_id,
                                         const Array::Ptr& evaluators, CommissionChange change) {
  return db_.write([&](store::SqlSession& sql) {
    const auto file = access::fileInScope(sql, actor, file_id);
    if (!access::allows(actor.role, access::Permission::kFormCommission)) {
      throw Error(ErrorCode::kForbidden, "only the centre's coordinator forms the evaluation commission");
    }
    if (!kCommissionStates.count(file.file.state)) {
      throw Error(ErrorCode::kInvalidState,
                  "the commission is formed until the evaluation is over; the file is " + file.file.state);
    }
    const auto members = readMembers(sql, file.file, evaluators);
    std::vector<std::string> current;
    for (const auto& member : store::evaluation_store::commission(sql, file.file.id)) {
      current.push_back(member.evaluator_id);
    }
    if (change == CommissionChange::kFormOnly && !current.empty() && members != current) {
      Object::Ptr details = new Object;
      details->set("message_fr",
                   "Une autre commission est déjà formée pour ce dossier : modifiez-la depuis sa page.");
      throw Error(ErrorCode::kConflict,
                  "the file already has another commission: change it from the file's page, not in bulk",
                  "evaluators", details);
    }
    if (members != current) {
      const std::string now = nowIso8601(clock_);
      store::evaluation_store::replaceCommission(sql, file.file.id, members, actor.user_id, now);
      Object::Ptr payload = new Object;
      Array::Ptr ids = new Array;
      for (const auto& id : members) ids->add(id);
      payload->set("evaluators", ids);
      store::event_store::append(
          sql, files::sameStateEvent(file.file, actor, "commission_assigned", payload, now));
    }
    return view(sql, actor, file.file);
  });
}

}  // namespace cqpm::evaluation
