#include "http/modality_plan_presenters.h"

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr planEntriesJson(const std::vector<files::PlanEntry>& entries) {
  Array::Ptr plan = new Array;
  for (const auto& entry : entries) {
    Object::Ptr item = new Object;
    item->set("competency", entry.competency);
    item->set("modality", entry.modality);
    item->set("planned_date", entry.planned_date);
    item->set("place", entry.place);
    Array::Ptr evaluators = new Array;
    for (const auto& id : entry.evaluators) evaluators->add(id);
    item->set("evaluators", evaluators);
    if (entry.justification) item->set("justification", *entry.justification);
    item->set("details", entry.details ? entry.details : Object::Ptr(new Object));
    plan->add(item);
  }
  return plan;
}

Object::Ptr modalityPlanJson(const files::ModalityPlanEditor& editor) {
  Object::Ptr body = new Object;
  body->set("file_id", editor.file_id);
  body->set("file_version", editor.file_version);
  body->set("state", editor.state);
  body->set("editable", editor.editable);
  body->set("plan", editor.plan ? Poco::Dynamic::Var(planEntriesJson(*editor.plan)) : Poco::Dynamic::Var());
  Array::Ptr competencies = new Array;
  for (const auto& competency : editor.competencies) {
    Object::Ptr item = new Object;
    item->set("number", competency.number);
    item->set("title", competency.title);
    item->set("bloc_code", nullable(competency.bloc_code));
    item->set("bloc_title", competency.bloc_title);
    item->set("bloc_index", competency.bloc_index);
    competencies->add(item);
  }
  body->set("competencies", competencies);
  Array::Ptr modalities = new Array;
  for (const auto& modality : editor.modalities) {
    Object::Ptr item = new Object;
    item->set("id", modality.id);
    item->set("label", modality.label);
    item->set("exceptional", modality.exceptional);
    modalities->add(item);
  }
  body->set("modalities", modalities);
  body->set("allowed_modalities", editor.allowed_modalities);
  body->set("plan_fields", editor.plan_fields);
  Array::Ptr evaluators = new Array;
  for (const auto& evaluator : editor.evaluators) {
    Object::Ptr item = new Object;
    item->set("id", evaluator.id);
    item->set("display_name", evaluator.display_name);
    evaluators->add(item);
  }
  body->set("evaluators", evaluators);
  return body;
}

}  // namespace cqpm::http
