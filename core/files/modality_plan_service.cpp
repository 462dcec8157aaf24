#include "files/modality_plan_service.h"

#include <set>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/input_rules.h"
#include "common/iso_date.h"
#include "common/json_text.h"
#include "domain/bloc_scope.h"
#include "files/file_events.h"
#include "files/plugin_failure_event.h"
#include "store/account_store.h"
#include "store/event_store.h"
#include "store/idempotency_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::files {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

constexpr const char* kEditableState = workflow::states::kRegistered;
constexpr std::size_t kMaxDetailsBytes = 2000;
constexpr std::size_t kMaxEntries = 500;
// The plan's texts, printed in the minutes: a modality id, a place, a justification.
constexpr TextLimit kPlanModality{64};
constexpr TextLimit kPlanPlace{200};
constexpr TextLimit kPlanJustification{2000, true};
constexpr IntegerRange kPlanCompetency{1, 100000};
const std::set<std::string> kPlanEntryFields{"competency", "modality",      "planned_date", "place",
                                             "evaluators", "justification", "details"};

std::string entryPath(std::size_t index, const std::string& field) {
  return "competencies[" + std::to_string(index) + "]" + (field.empty() ? "" : "." + field);
}

Error fieldError(std::size_t index, const std::string& field, const std::string& message) {
  return Error(ErrorCode::kInvalidField, entryPath(index, field) + " " + message, entryPath(index, field));
}

std::string planText(const Object::Ptr& entry, std::size_t index, const std::string& field, TextLimit limit,
                     bool required) {
  if (!entry->has(field) || entry->isNull(field)) {
    if (required) throw fieldError(index, field, "is required");
    return {};
  }
  return checkedText(entry->get(field), entryPath(index, field), limit, !required);
}

}  // namespace

Array::Ptr ModalityPlanService::normalise(store::SqlSession& sql, const domain::CandidateFile& file,
                                          const Array::Ptr& competencies) const {
  std::set<std::string> evaluators;
  for (const auto& user : store::account_store::listUsers(sql, file.centre_id, domain::Role::kEvaluator)) {
    evaluators.insert(user.id);
  }
  if (competencies->size() > kMaxEntries) {
    throw Error(ErrorCode::kInvalidField,
                "competencies holds more than " + std::to_string(kMaxEntries) + " items", "competencies");
  }
  Array::Ptr plan = new Array;
  for (std::size_t i = 0; i < competencies->size(); ++i) {
    const auto entry = competencies->getObject(static_cast<unsigned>(i));
    if (!entry) throw fieldError(i, "", "must be an object");
    for (const auto& [key, value] : *entry) {
      if (!kPlanEntryFields.count(key)) throw fieldError(i, printable(key), "is not a field of a plan entry");
    }
    Object::Ptr clean = new Object;
    if (!entry->has("competency") || entry->isNull("competency"))
      throw fieldError(i, "competency", "is required");
    clean->set("competency", static_cast<int>(checkedInteger(entry->get("competency"),
                                                             entryPath(i, "competency"), kPlanCompetency)));
    clean->set("modality", planText(entry, i, "modality", kPlanModality, true));
    const std::string date = planText(entry, i, "planned_date", TextLimit{10}, true);
    if (!parseIsoDate(date)) throw fieldError(i, "planned_date", "must be a date written YYYY-MM-DD");
    clean->set("planned_date", date);
    clean->set("place", planText(entry, i, "place", kPlanPlace, true));
    const auto assigned = entry->getArray("evaluators");
    if (!assigned || assigned->size() == 0) throw fieldError(i, "evaluators", "needs at least one evaluator");
    if (assigned->size() > 50) throw fieldError(i, "evaluators", "holds more than 50 items");
    Array::Ptr ids = new Array;
    for (std::size_t e = 0; e < assigned->size(); ++e) {
      const auto id = assigned->get(static_cast<unsigned>(e));
      if (!id.isString() || !evaluators.count(id.extract<std::string>())) {
        throw fieldError(i, "evaluators[" + std::to_string(e) + "]",
                         "is not an evaluator of the file's centre");
      }
      ids->add(id);
    }
    clean->set("evaluators", ids);
    if (const std::string justification = planText(entry, i, "justification", kPlanJustification, false);
        !justification.empty()) {
      clean->set("justification", justification);
    }
    if (entry->has("details") && !entry->isNull("details")) {
      const auto details = entry->getObject("details");
      if (!details) throw fieldError(i, "details", "must be an object");
      if (toJsonText(details).size() > kMaxDetailsBytes) {
        throw fieldError(i, "details", "is larger than " + std::to_string(kMaxDetailsBytes) + " bytes");
      }
      clean->set("details", details);
    } else {
      clean->set("details", Object::Ptr(new Object));
    }
    plan->add(clean);
  }
  return plan;
}

ModalityPlanEditor ModalityPlanService::view(store::SqlSession& sql,
                                             const store::CandidateFileView& file_view,
                                             const domain::Actor& actor) {
  const domain::CandidateFile& file = file_view.file;
  const auto referential = rules_.referentialFor(file);
  ModalityPlanEditor editor;
  editor.file_id = file.id;
  editor.file_version = file.version;
  editor.state = file.state;
  editor.editable =
      file.state == kEditableState && access::allows(actor.role, access::Permission::kPlanModalities);
  if (file.modality_plan_json) editor.plan = parseStoredPlan(*file.modality_plan_json);
  // Only what the file still has to evaluate: its targeted blocs, without the blocs carried over.
  const domain::BlocScope scope = domain::parseBlocScope(file.bloc_scope_json);
  for (std::size_t b = 0; b < referential->blocs.size(); ++b) {
    const int bloc_index = static_cast<int>(b) + 1;
    if (!scope.targets(bloc_index) || scope.carries(bloc_index)) continue;
    const auto& bloc = referential->blocs[b];
    for (const auto& competency : bloc.competencies) {
      editor.competencies.push_back({competency.number, competency.title, bloc.code, bloc.title, bloc_index});
    }
  }
  for (const auto& modality : referential->modalities) {
    editor.modalities.push_back({modality.id, modality.label, modality.exceptional});
  }
  editor.allowed_modalities = rules_.allowedModalities(file);
  editor.plan_fields = rules_.planFields(file);
  for (const auto& user : store::account_store::listUsers(sql, file.centre_id, domain::Role::kEvaluator)) {
    editor.evaluators.push_back({user.id, user.display_name});
  }
  return editor;
}

ModalityPlanEditor ModalityPlanService::get(const domain::Actor& actor, const std::string& file_id) {
  const auto scope = access::fileScopeFor(actor);
  return db_.read([&](store::SqlSession& sql) {
    const auto file = store::candidate_file_store::find(sql, file_id, scope);
    if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    return view(sql, *file, actor);
  });
}

ModalityPlanEditor ModalityPlanService::put(const domain::Actor& actor, const std::string& file_id,
                                            std::int64_t expected_version, const Array::Ptr& competencies,
                                            const std::optional<IdempotencyKey>& idempotency) {
  const auto scope = access::fileScopeFor(actor);
  try {
    write(actor, file_id, expected_version, competencies, scope, idempotency);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kPluginFailed) recordPluginFailure(db_, file_id, actor, e, clock_);
    throw;
  }
  return get(actor, file_id);
}

void ModalityPlanService::write(const domain::Actor& actor, const std::string& file_id,
                                std::int64_t expected_version, const Array::Ptr& competencies,
                                const access::FileScope& scope,
                                const std::optional<IdempotencyKey>& idempotency) {
  db_.write([&](store::SqlSession& sql) {
    // A retry of a plan already written: nothing to do, the caller reads the plan.
    if (idempotency && store::idempotency_store::find(sql, actor.user_id, idempotency->key,
                                                      idempotency->request_hash, nowIso8601(clock_))) {
      return;
    }
    auto file = store::candidate_file_store::find(sql, file_id, scope);
    if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    if (!access::allows(actor.role, access::Permission::kPlanModalities)) {
      throw Error(ErrorCode::kForbidden, "only the centre's coordinator agrees the evaluation modalities");
    }
    if (file->file.version != expected_version) {
      throw fileVersionConflict(file->file.version);
    }
    if (file->file.state != kEditableState) {
      throw Error(ErrorCode::kInvalidState,
                  "the modality plan is agreed while the file is registered; it is " + file->file.state);
    }
    const Array::Ptr plan = normalise(sql, file->file, competencies);
    if (auto refusal = rules_.checkModalityPlan(file->file, actor, plan)) {
      throw Error(refusal->code, refusal->message, refusal->field, refusal->details);
    }
    const std::string plan_json = toJsonText(Poco::Dynamic::Var(plan));
    const std::string now = nowIso8601(clock_);
    if (!store::candidate_file_store::updateModalityPlan(sql, file->file.id, expected_version, plan_json,
                                                         now)) {
      throw Error(ErrorCode::kVersionConflict, "the file changed while the plan was being saved",
                  "expected_version");
    }
    Object::Ptr payload = new Object;
    payload->set("competencies", plan);
    store::event_store::append(sql, sameStateEvent(file->file, actor, "update_modality_plan", payload, now));
    if (idempotency) {
      Object::Ptr written = new Object;
      written->set("file_version", expected_version + 1);
      store::idempotency_store::save(sql, actor.user_id, idempotency->key, idempotency->request_hash,
                                     {200, toJsonText(written)});
    }
  });
}

}  // namespace cqpm::files
