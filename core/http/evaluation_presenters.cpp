#include "http/evaluation_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr evaluatorsJson(const std::vector<evaluation::Evaluator>& evaluators) {
  Array::Ptr items = new Array;
  for (const auto& evaluator : evaluators) {
    Object::Ptr item = new Object;
    item->set("id", evaluator.id);
    item->set("display_name", evaluator.display_name);
    items->add(item);
  }
  return items;
}

}  // namespace

Object::Ptr commissionJson(const evaluation::CommissionView& commission) {
  Object::Ptr json = new Object;
  json->set("file_id", commission.file_id);
  json->set("evaluators", evaluatorsJson(commission.evaluators));
  json->set("editable", commission.editable);
  if (commission.available_evaluators) {
    json->set("available_evaluators", evaluatorsJson(*commission.available_evaluators));
  }
  return json;
}

Object::Ptr competencyJson(const evaluation::CompetencyView& view) {
  const evaluation::GridCompetency& competency = view.competency;
  Object::Ptr json = new Object;
  json->set("number", std::stoll(competency.number));
  json->set("title", competency.title);
  Object::Ptr bloc = new Object;
  bloc->set("index", competency.bloc_index);
  bloc->set("code", nullable(competency.bloc_code));
  bloc->set("title", competency.bloc_title);
  json->set("bloc", bloc);
  json->set("modality", nullable(competency.modality));
  Object::Ptr criteria = new Object;
  for (const auto& group : evaluation::criteriaGroups(competency)) {
    Array::Ptr texts = new Array;
    for (const auto& text : *competency.criteria.group(group)) texts->add(text);
    criteria->set(group, texts);
  }
  json->set("criteria", criteria);
  json->set("result", view.result);
  Object::Ptr observations = new Object;
  for (const auto& [group, text] : view.observations) observations->set(group, text);
  json->set("observations", observations);
  Array::Ptr evidence = new Array;
  for (const auto& document : view.evidence) evidence->add(document);
  json->set("evidence", evidence);
  json->set("version", view.version);
  json->set("etag", view.etag);
  if (view.updated_by) {
    Object::Ptr by = new Object;
    by->set("id", view.updated_by->id);
    by->set("display_name", view.updated_by->display_name);
    json->set("updated_by", by);
    json->set("updated_at", view.updated_at);
  } else {
    json->set("updated_by", Poco::Dynamic::Var());
    json->set("updated_at", Poco::Dynamic::Var());
  }
  Array::Ptr signatures = new Array;
  for (const auto& signature : view.signatures) {
    Object::Ptr item = new Object;
    item->set("evaluator_id", signature.evaluator_id);
    item->set("display_name", signature.display_name);
    item->set("signed_at", signature.signed_at);
    signatures->add(item);
  }
  json->set("signatures", signatures);
  json->set("evaluated", view.evaluated);
  return json;
}

Object::Ptr gridJson(const evaluation::GridView& grid) {
  Object::Ptr json = new Object;
  json->set("file_id", grid.file_id);
  json->set("state", grid.state);
  Object::Ptr referential = new Object;
  referential->set("version", nullable(grid.referential_version));
  referential->set("commit", nullable(grid.referential_commit));
  json->set("referential", referential);
  json->set("commission", evaluatorsJson(grid.commission));
  json->set("editable", grid.editable);
  json->set("complete", grid.complete);
  Array::Ptr competencies = arrayOf(grid.competencies, competencyJson);
  json->set("competencies", competencies);
  return json;
}

Object::Ptr staleCompetencyDetails(const evaluation::StaleCompetency& stale) {
  Object::Ptr details = new Object;
  details->set("current", competencyJson(stale.current()));
  return details;
}

}  // namespace cqpm::http
